import { describe, expect, it } from 'vitest';
import { createSession, MAX_COOKIE_CHARS, newSession, sealSession, verifySession, withProof } from './session';

const secret = Buffer.from('k'.repeat(32));
const viewer = { user: 'alice', groups: ['dev'] };

describe('session cookie', () => {
  it('round-trips the identity per cluster until it expires', () => {
    const c = createSession(viewer, secret, 60_000, 1_000, { cluster: 'live::a' });
    expect(verifySession(c, secret, 30_000)).toMatchObject({ ok: true, expiresAt: 61_000, session: { c: { 'live::a': { u: 'alice', g: ['dev'], at: 1_000 } } } });
    expect(verifySession(c, secret, 61_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a cookie that was edited, cut, or sealed with another key', () => {
    const c = createSession(viewer, secret, 60_000, 0);
    const raw = Buffer.from(c, 'base64url');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(verifySession(raw.toString('base64url'), secret, 1)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySession(c.slice(0, -4), secret, 1).ok).toBe(false);
    expect(verifySession(c, Buffer.from('o'.repeat(32)), 1)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySession('garbage', secret, 1).ok).toBe(false);
    expect(verifySession(undefined, secret, 1)).toEqual({ ok: false, reason: 'missing' });
  });

  it('keeps the token only encrypted: neither it nor the identity is readable in the cookie', () => {
    const c = createSession(viewer, secret, 60_000, 0, { cluster: 'live::a', token: 'the-bearer-token' });
    const bytes = Buffer.from(c, 'base64url').toString('latin1');
    for (const plain of ['the-bearer-token', 'alice', 'live::a']) expect(bytes).not.toContain(plain);
    expect(verifySession(c, secret, 1)).toMatchObject({ ok: true, session: { c: { 'live::a': { t: 'the-bearer-token' } } } });
  });

  it('gives every session its own id, and lets older clusters go rather than outgrow a cookie', () => {
    expect(newSession(1000).sid).not.toBe(newSession(1000).sid);
    let s = newSession(60_000, 0);
    const token = 'x'.repeat(1200);
    for (const [i, k] of ['live::a', 'live::b', 'live::c', 'live::d'].entries()) s = withProof(s, k, { u: 'alice', g: [], at: i, t: token }, secret);
    expect(sealSession(s, secret).length).toBeLessThanOrEqual(MAX_COOKIE_CHARS);
    expect(Object.keys(s.c)).toContain('live::d');
    expect(Object.keys(s.c)).not.toContain('live::a');
  });
});
