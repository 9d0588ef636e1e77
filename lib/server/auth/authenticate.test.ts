import { describe, expect, it } from 'vitest';
import { authenticate } from './authenticate';
import { authConfigFromEnv } from './config';
import { PEER_HEADER } from './peer';
import { createSession } from './session';

const headers = (h: Record<string, string>) => new Headers(h);

describe('authenticate: proxy mode', () => {
  const config = authConfigFromEnv({ AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED_CIDRS: '10.42.0.0/16', AUTH_PROXY_SECRET: 'shared-secret-1234567' });

  it('takes the identity from a trusted proxy address', () => {
    const r = authenticate(config, headers({ [PEER_HEADER]: '10.42.1.1', 'x-forwarded-user': 'alice', 'x-forwarded-groups': 'dev, ops' }), undefined);
    expect(r).toEqual({ ok: true, viewer: { user: 'alice', groups: ['dev', 'ops'] } });
  });

  it('takes it from anywhere with the shared secret', () => {
    const r = authenticate(
      config,
      headers({ [PEER_HEADER]: '192.168.1.1', 'x-auth-proxy-secret': 'shared-secret-1234567', 'x-forwarded-user': 'bob' }),
      undefined,
    );
    expect(r).toEqual({ ok: true, viewer: { user: 'bob', groups: [] } });
  });

  it('rejects forged headers from elsewhere, a wrong secret, or no peer address at all', () => {
    const forged = { 'x-forwarded-user': 'admin', 'x-forwarded-groups': 'system:masters' };
    expect(authenticate(config, headers({ [PEER_HEADER]: '192.168.1.1', ...forged }), undefined).ok).toBe(false);
    expect(authenticate(config, headers({ [PEER_HEADER]: '192.168.1.1', 'x-auth-proxy-secret': 'shared-secret-1234568', ...forged }), undefined).ok).toBe(
      false,
    );
    expect(authenticate(config, headers(forged), undefined).ok).toBe(false);
    // X-Forwarded-For is the client's own claim and proves nothing.
    expect(authenticate(config, headers({ 'x-forwarded-for': '10.42.1.1', ...forged }), undefined).ok).toBe(false);
  });

  it('rejects a trusted request without a user', () => {
    expect(authenticate(config, headers({ [PEER_HEADER]: '10.42.1.1' }), undefined)).toMatchObject({ ok: false, status: 401 });
  });

  it('uses the configured header names', () => {
    const c = authConfigFromEnv({ AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED_CIDRS: '127.0.0.1/32', AUTH_PROXY_USER_HEADER: 'x-auth-request-user' });
    expect(authenticate(c, headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-user': 'alice' }), undefined).ok).toBe(false);
    expect(authenticate(c, headers({ [PEER_HEADER]: '127.0.0.1', 'x-auth-request-user': 'alice' }), undefined).ok).toBe(true);
  });
});

describe('authenticate: token mode', () => {
  const config = authConfigFromEnv({ AUTH_MODE: 'token', AUTH_SESSION_SECRET: 'z'.repeat(40), AUTH_SESSION_TTL: '1h' });

  it('admits a valid session and refuses an expired one, ignoring proxy headers', () => {
    const cookie = createSession({ user: 'alice', groups: [] }, config.session.secret, config.session.ttlMs, 0);
    expect(authenticate(config, headers({}), cookie, 1000)).toMatchObject({ ok: true, viewer: { user: 'alice', groups: [] } });
    expect(authenticate(config, headers({}), cookie, 3_600_001)).toEqual({ ok: false, status: 401, reason: 'session expired' });
    expect(authenticate(config, headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-user': 'admin' }), undefined).ok).toBe(false);
  });
});

describe('authenticate: token mode, per cluster', () => {
  const config = authConfigFromEnv({ AUTH_MODE: 'token', AUTH_SESSION_SECRET: 'z'.repeat(40), AUTH_SESSION_TTL: '1h' });

  it('answers for a cluster only with the identity proven on it', () => {
    const cookie = createSession({ user: 'pat', groups: ['payments'] }, config.session.secret, config.session.ttlMs, 0, { cluster: 'live::a' });
    expect(authenticate(config, headers({}), cookie, 1000, { cluster: 'live::a' })).toMatchObject({ ok: true, viewer: { user: 'pat' } });
    expect(authenticate(config, headers({}), cookie, 1000, { cluster: 'live::b' })).toEqual({
      ok: false,
      status: 401,
      reason: 'not signed in to this cluster',
      signInFor: 'live::b',
    });
  });
});

describe('authenticate: none', () => {
  it('admits everyone as nobody in particular', () => {
    expect(authenticate(authConfigFromEnv({}), headers({}), undefined)).toEqual({ ok: true, viewer: null });
  });
});
