// The gate proxy.ts puts in front of every page and API route: who may pass without an
// identity, and what the others get instead (a sign-in page, or a 401).
import type { AuthConfig } from './config';
import { authenticate, type HeaderSource } from './authenticate';

/** Reachable without an identity: sign-in, probes, share links and agents' reports (their token is the credential), assets. */
export function isPublicPath(pathname: string): boolean {
  if (pathname === '/signin' || pathname === '/api/auth/signin') return true;
  if (pathname === '/healthz' || pathname === '/readyz') return true;
  if (pathname.startsWith('/share/')) return true;
  // /metrics answers to a METRICS_TOKEN as well as to a viewer; its handler checks both.
  if (pathname === '/metrics') return true;
  // An agent's report: the route authenticates its ingest token (lib/server/fleet-ingest.ts).
  if (pathname === '/api/fleet/ingest') return true;
  // The API server's audit batches: the route authenticates the webhook's bearer token (lib/server/audit-receiver.ts).
  if (pathname === '/api/audit/webhook') return true;
  if (pathname.startsWith('/_next/static/') || pathname.startsWith('/_next/image')) return true;
  return pathname === '/favicon.ico' || pathname === '/icon.svg' || pathname === '/robots.txt';
}

export type GateDecision = { pass: true } | { pass: false; status: 401; json: { error: string } } | { pass: false; status: 303; location: string };

export function gate(
  config: AuthConfig,
  pathname: string,
  search: string,
  headers: HeaderSource,
  sessionCookie: string | undefined,
  now = Date.now(),
): GateDecision {
  if (config.mode === 'none' || isPublicPath(pathname)) return { pass: true };
  const auth = authenticate(config, headers, sessionCookie, now);
  if (auth.ok) return { pass: true };
  if (config.mode === 'token' && !pathname.startsWith('/api/')) {
    const next = safeNext(pathname + search);
    const params = new URLSearchParams({ ...(next !== '/' ? { next } : {}), ...(auth.reason === 'session expired' ? { expired: '1' } : {}) });
    const q = params.toString();
    return { pass: false, status: 303, location: `/signin${q ? `?${q}` : ''}` };
  }
  return { pass: false, status: 401, json: { error: auth.reason } };
}

const HERE = 'http://same-origin.invalid';

/**
 * A same-origin path to return to after sign-in, as a browser would resolve it: URL parsing drops
 * tabs and newlines and reads backslashes as slashes, so '/\t/evil.example' is '//evil.example'.
 * Anything that leaves this origin becomes '/'; the rest comes back normalised.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next) return '/';
  let url: URL;
  try {
    url = new URL(next, HERE);
  } catch {
    return '/';
  }
  if (url.origin !== HERE || url.username || url.password) return '/';
  // '/.//evil' normalises to the path '//evil', which a Location header would read as a host.
  return url.pathname.replace(/^\/+/, '/') + url.search + url.hash;
}
