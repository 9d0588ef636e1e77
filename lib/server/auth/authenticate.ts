// Who is asking, from a request's headers and cookie, for each mode. Pure apart from the
// clock: the proxy's boundary calls it as a first filter, and identify() (identify.ts) builds on
// it with what needs I/O (revocation, the periodic TokenReview, RBAC), so a gap in one is
// covered by the other.
import { timingSafeEqual } from 'node:crypto';
import { inCidrs } from './cidr';
import type { AuthConfig } from './config';
import { PEER_HEADER } from './peer';
import { proofViewer, verifySession, type Session } from './session';
import type { Viewer } from './viewer-types';

export interface HeaderSource {
  get(name: string): string | null;
}

export type AuthResult =
  | { ok: true; viewer: Viewer | null; session?: Session } // viewer null: AUTH_MODE=none, nobody in particular, sees everything
  | { ok: false; status: 401; reason: string; /** token mode: signed in, but not to this cluster */ signInFor?: string };

export const NOT_THIS_CLUSTER = 'not signed in to this cluster';

/**
 * The identity a request carries. With `cluster` (a cluster key), token mode answers only with
 * the identity proven on that cluster: a session proven elsewhere must sign in again for it.
 * Without, any valid session passes (the proxy's first filter; identify() always names the cluster).
 */
export function authenticate(
  config: AuthConfig,
  headers: HeaderSource,
  sessionCookie: string | undefined,
  now = Date.now(),
  opts: { cluster?: string } = {},
): AuthResult {
  if (config.mode === 'none') return { ok: true, viewer: null };
  if (config.mode === 'token') {
    const s = verifySession(sessionCookie, config.session.secret, now);
    if (!s.ok) return { ok: false, status: 401, reason: s.reason === 'expired' ? 'session expired' : 'not signed in' };
    const proof = opts.cluster !== undefined ? s.session.c[opts.cluster] : Object.values(s.session.c)[0];
    if (!proof) return { ok: false, status: 401, reason: NOT_THIS_CLUSTER, signInFor: opts.cluster };
    return { ok: true, viewer: proofViewer(proof), session: s.session };
  }
  return proxyIdentity(config, headers);
}

function proxyIdentity(config: AuthConfig, headers: HeaderSource): AuthResult {
  const p = config.proxy;
  const fromTrustedAddress = inCidrs(headers.get(PEER_HEADER), p.trustedCidrs);
  const withSecret = p.secret !== null && secretMatches(headers.get(p.secretHeader), p.secret);
  // Identity headers from anyone else are forged (or a proxy that was bypassed): refuse them.
  if (!fromTrustedAddress && !withSecret) return { ok: false, status: 401, reason: 'request did not come through the authenticating proxy' };
  const user = headers.get(p.userHeader)?.trim();
  if (!user) return { ok: false, status: 401, reason: 'the authenticating proxy sent no user' };
  const groups = (headers.get(p.groupsHeader) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { ok: true, viewer: { user, groups } };
}

export function secretMatches(given: string | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
