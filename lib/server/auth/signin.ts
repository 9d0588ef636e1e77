// Token sign-in: the API server vouches for the token (TokenReview), we keep only who it
// belongs to, in a signed cookie. The token is never stored, logged or echoed.
import type { Reviewer } from '../../cluster/reviews';
import type { AuthConfig } from './config';
import { safeNext } from './gate';
import type { RateLimiter } from './rate-limit';
import { createSession } from './session';
import { isLoopbackHost } from './startup';

export interface SignInRequest {
  token: string;
  next: string | null;
  /** The client address, for the rate limit. */
  client: string;
  /** Whether the browser reached us over https, and at which host (for the cookie's Secure flag). */
  https: boolean;
  host: string;
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
  const value = createSession({ user: user.username, groups: user.groups }, secret, ttlMs, deps.now);
  return { status: 303, location: next, setCookie: sessionCookie(cookie, value, ttlMs / 1000, secureCookie(req.https, req.host)) };
}

/** Secure always, except plain http on loopback (a developer's laptop), where the browser would drop it. */
export function secureCookie(https: boolean, host: string): boolean {
  return https || !isLoopbackHost(host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1'));
}

export function sessionCookie(name: string, value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${Math.floor(maxAgeSeconds)}`, ...(secure ? ['Secure'] : [])].join('; ');
}
