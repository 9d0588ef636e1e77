import { describe, expect, it } from 'vitest';
import { authConfigFromEnv } from './config';
import { bindHosts, checkStartup, isLoopbackHost } from './startup';

describe('checkStartup', () => {
  const none = authConfigFromEnv({ AUTH_MODE: 'none' });

  it('allows AUTH_MODE=none on loopback only', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '::ffff:127.0.0.1']) expect(checkStartup(none, [h]).ok).toBe(true);
    const r = checkStartup(none, ['0.0.0.0']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/AUTH_MODE=none but the server listens on 0.0.0.0.*AUTH_ALLOW_NONE_ON_NETWORK=1/);
    expect(checkStartup(none, [null]).ok).toBe(false);
    expect(checkStartup(none, ['127.0.0.1', '10.0.0.5']).ok).toBe(false);
  });

  it('lets an operator override, with a warning', () => {
    const r = checkStartup(authConfigFromEnv({ AUTH_MODE: 'none', AUTH_ALLOW_NONE_ON_NETWORK: '1' }), ['0.0.0.0']);
    expect(r).toEqual({ ok: true, warnings: [expect.stringMatching(/every viewer sees everything/)] });
  });

  it('warns when token sessions use a random per-process key', () => {
    const r = checkStartup(authConfigFromEnv({ AUTH_MODE: 'token' }), ['0.0.0.0']);
    expect(r.ok && r.warnings.join()).toMatch(/AUTH_SESSION_SECRET is not set/);
  });
});

describe('bindHosts', () => {
  it('prefers the real listening sockets', () => {
    expect(bindHosts(['node', 'next', 'start'], {}, ['127.0.0.1'])).toEqual(['127.0.0.1']);
  });
  it('reads -H / --hostname, and HOSTNAME only for the standalone server', () => {
    expect(bindHosts(['node', 'next', 'start', '-H', 'localhost'], {}, null)).toEqual(['localhost']);
    expect(bindHosts(['node', 'next', 'start', '--hostname=::1'], {}, null)).toEqual(['::1']);
    expect(bindHosts(['node', 'next', 'start'], { HOSTNAME: '127.0.0.1' }, null)).toEqual([null]);
    expect(bindHosts(['node', '/app/server.js'], { HOSTNAME: '127.0.0.1' }, null)).toEqual(['127.0.0.1']);
  });
  it('knows loopback names', () => {
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
    expect(isLoopbackHost('my-pod-7d9')).toBe(false);
  });
});
