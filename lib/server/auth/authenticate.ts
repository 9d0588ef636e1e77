// Who is asking, from a request's headers and cookie, for each mode. Pure apart from the
// clock: proxy.ts and requireViewer() both call it, so a gap in one is covered by the other.
import { timingSafeEqual } from 'node:crypto';
import { inCidrs } from './cidr';
import type { AuthConfig } from './config';
import { PEER_HEADER } from './peer';
import { verifySession } from './session';
import type { Viewer } from './viewer-types';

export interface HeaderSource {
  get(name: string): string | null;
}

export type AuthResult =
  | { ok: true; viewer: Viewer | null } // null: AUTH_MODE=none, nobody in particular, sees everything
  | { ok: false; status: 401; reason: string };

export function authenticate(config: AuthConfig, headers: HeaderSource, sessionCookie: string | undefined, now = Date.now()): AuthResult {
  if (config.mode === 'none') return { ok: true, viewer: null };
  if (config.mode === 'token') {
    const s = verifySession(sessionCookie, config.session.secret, now);
    if (s.ok) return { ok: true, viewer: s.viewer };
    return { ok: false, status: 401, reason: s.reason === 'expired' ? 'session expired' : 'not signed in' };
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
