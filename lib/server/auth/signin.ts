// Token sign-in, per cluster: that cluster's API server vouches for the token (TokenReview), and
// the session records the identity as proven on that cluster, with the token sealed in the
// viewer's own cookie for the periodic re-check (session.ts). The token is never stored on the
// server, logged or echoed. Signing in to a second cluster adds to the session, same id and expiry.
import type { Reviewer } from '../../cluster/reviews';
import type { AuthConfig } from './config';
import { safeNext } from './gate';
import type { RateLimiter } from './rate-limit';
import { newSession, sealSession, withProof, type Session } from './session';
import { isLoopbackHost } from './startup';

export interface SignInRequest {
  token: string;
  next: string | null;
  /** The client address, for the rate limit. */
  client: string;
  /** Whether the browser reached us over https, and at which host (for the cookie's Secure flag). */
  https: boolean;
  host: string;
  /** The cluster key the request is about: the one the token is proven on. */
  cluster: string;
  /** The caller's current session (valid and not signed out), to add this cluster to; null to start one. */
  existing: Session | null;
}

export type SignInResult = { status: 303; location: string; setCookie?: string } | { status: 429; retryAfterSeconds: number };

const MAX_TOKEN_LENGTH = 16_384;

export async function signIn(
  req: SignInRequest,
  deps: { config: AuthConfig; reviewer: Reviewer | null; limiter: RateLimiter; now?: number },
): Promise<SignInResult> {
  const next = safeNext(req.next);
  const back = (error: string) => ({ status: 303 as const, location: `/signin?${new URLSearchParams({ error, ...(next !== '/' ? { next } : {}) })}` });
  const limit = deps.limiter.hit(req.client, deps.now);
  if (!limit.allowed) return { status: 429, retryAfterSeconds: limit.retryAfterSeconds };
  const token = req.token.trim().replace(/^Bearer\s+/i, '');
  if (!token || token.length > MAX_TOKEN_LENGTH || /\s/.test(token)) return back('invalid');
  if (!deps.reviewer) return back('unavailable');
  let user;
  try {
    user = await deps.reviewer.tokenReview(token);
  } catch (e) {
    console.error(`[auth] TokenReview failed: ${(e as Error).message}`);
    return back('unavailable');
  }
  if (!user) return back('invalid');
  const { ttlMs, secret, cookie } = deps.config.session;
  const now = deps.now ?? Date.now();
  const session = withProof(req.existing ?? newSession(ttlMs, now), req.cluster, { u: user.username, g: user.groups, at: now, t: token }, secret);
  return { status: 303, location: next, setCookie: sessionCookie(cookie, sealSession(session, secret), (session.exp - now) / 1000, secureCookie(req.https, req.host)) };
}

/** Secure always, except plain http on loopback (a developer's laptop), where the browser would drop it. */
export function secureCookie(https: boolean, host: string): boolean {
  return https || !isLoopbackHost(host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1'));
}

export function sessionCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(maxAgeSeconds)}`, ...(secure ? ['Secure'] : [])].join('; ');
}
