import { describe, expect, it } from 'vitest';
import { createSession, verifySession } from './session';

const secret = Buffer.from('k'.repeat(32));
const viewer = { user: 'alice', groups: ['dev'] };

describe('session cookie', () => {
  it('round-trips the identity until it expires', () => {
    const c = createSession(viewer, secret, 60_000, 1_000);
    expect(verifySession(c, secret, 30_000)).toEqual({ ok: true, viewer, expiresAt: 61_000 });
    expect(verifySession(c, secret, 61_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('rejects a cookie whose payload was edited, or signed with another key', () => {
    const c = createSession(viewer, secret, 60_000, 0);
    const [, sig] = c.split('.');
    const forged = Buffer.from(JSON.stringify({ u: 'admin', g: ['system:masters'], exp: 9e15 })).toString('base64url');
    expect(verifySession(`${forged}.${sig}`, secret, 1)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySession(c, Buffer.from('o'.repeat(32)), 1)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySession('garbage', secret, 1).ok).toBe(false);
    expect(verifySession(undefined, secret, 1)).toEqual({ ok: false, reason: 'missing' });
  });

  it('carries no token, only the identity', () => {
    const c = createSession(viewer, secret, 60_000, 0);
    const payload = JSON.parse(Buffer.from(c.split('.')[0]!, 'base64url').toString('utf8'));
    expect(Object.keys(payload).sort()).toEqual(['exp', 'g', 'u']);
  });
});
