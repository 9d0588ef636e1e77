import { describe, expect, it, vi } from 'vitest';
import type { Reviewer } from '../../cluster/reviews';
import { authConfigFromEnv } from './config';
import { createRateLimiter } from './rate-limit';
import { verifySession } from './session';
import { secureCookie, signIn } from './signin';

const config = authConfigFromEnv({ AUTH_MODE: 'token', AUTH_SESSION_SECRET: 's'.repeat(32), AUTH_SESSION_TTL: '2h' });
const reviewer: Reviewer = {
  tokenReview: async (t) => (t === 'good-token' ? { username: 'alice', groups: ['dev'] } : null),
  subjectAccessReview: async () => false,
};
const base = { next: '/namespaces', client: '10.0.0.1', https: true, host: 'posture.example', cluster: 'live::a', existing: null };

describe('signIn', () => {
  it('sets a sealed, HttpOnly, Secure, SameSite=Strict session holding the identity proven on this cluster; the token only encrypted', async () => {
    const r = await signIn({ ...base, token: 'Bearer good-token' }, { config, reviewer, limiter: createRateLimiter(5), now: 0 });
    expect(r).toMatchObject({ status: 303, location: '/namespaces' });
    const cookie = r.status === 303 ? r.setCookie! : '';
    expect(cookie).toMatch(/^kp-session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=7200; Secure$/);
    expect(cookie).not.toContain('good-token');
    const value = cookie.split(';')[0]!.slice('kp-session='.length);
    const opened = verifySession(value, config.session.secret, 1);
    expect(opened).toMatchObject({ ok: true, session: { c: { 'live::a': { u: 'alice', g: ['dev'], t: 'good-token' } } } });
    expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain('alice');
  });

  it('adds a second cluster to an open session, same id and expiry', async () => {
    const first = await signIn({ ...base, token: 'good-token' }, { config, reviewer, limiter: createRateLimiter(5), now: 0 });
    const value = (first.status === 303 ? first.setCookie! : '').split(';')[0]!.slice('kp-session='.length);
    const s1 = verifySession(value, config.session.secret, 1);
    if (!s1.ok) throw new Error('no session');
    const second = await signIn({ ...base, token: 'good-token', cluster: 'live::b', existing: s1.session }, { config, reviewer, limiter: createRateLimiter(5), now: 1000 });
    const s2 = verifySession((second.status === 303 ? second.setCookie! : '').split(';')[0]!.slice('kp-session='.length), config.session.secret, 1001);
    expect(s2).toMatchObject({ ok: true, session: { sid: s1.session.sid, exp: s1.session.exp } });
    expect(s2.ok && Object.keys(s2.session.c).sort()).toEqual(['live::a', 'live::b']);
    expect(second.status === 303 && second.setCookie).toMatch(/Max-Age=7199;/);
  });

  it('sends a rejected token back to the form without a cookie', async () => {
    const r = await signIn({ ...base, token: 'bad' }, { config, reviewer, limiter: createRateLimiter(5) });
    expect(r).toEqual({ status: 303, location: '/signin?error=invalid&next=%2Fnamespaces' });
  });

  it('limits attempts per client address', async () => {
    const limiter = createRateLimiter(5);
    for (let i = 0; i < 5; i++) await signIn({ ...base, token: 'bad' }, { config, reviewer, limiter, now: i });
    expect(await signIn({ ...base, token: 'good-token' }, { config, reviewer, limiter, now: 10 })).toEqual({ status: 429, retryAfterSeconds: 60 });
    expect((await signIn({ ...base, client: '10.0.0.2', token: 'good-token' }, { config, reviewer, limiter, now: 10 })).status).toBe(303);
  });

  it('says the cluster is unavailable, and logs no token, when TokenReview fails', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: Reviewer = { ...reviewer, tokenReview: async () => Promise.reject(new Error('503 on POST /apis/authentication.k8s.io/v1/tokenreviews')) };
    const r = await signIn({ ...base, token: 'secret-token-value' }, { config, reviewer: broken, limiter: createRateLimiter(5) });
    expect(r).toMatchObject({ location: expect.stringMatching(/error=unavailable/) });
    expect(JSON.stringify(err.mock.calls)).not.toContain('secret-token-value');
    err.mockRestore();
  });

  it('never redirects off-site after sign-in', async () => {
    const r = await signIn({ ...base, next: '//evil.example/x', token: 'good-token' }, { config, reviewer, limiter: createRateLimiter(5) });
    expect(r).toMatchObject({ location: '/' });
  });
});

describe('secureCookie', () => {
  it('drops Secure only for plain http on loopback', () => {
    expect(secureCookie(false, '127.0.0.1:3000')).toBe(false);
    expect(secureCookie(false, 'localhost:3000')).toBe(false);
    expect(secureCookie(false, '[::1]:3000')).toBe(false);
    expect(secureCookie(false, 'posture.example')).toBe(true);
    expect(secureCookie(true, 'localhost')).toBe(true);
  });
});
