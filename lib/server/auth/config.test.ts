import { describe, expect, it } from 'vitest';
import { AuthConfigError, authConfigFromEnv, parseDuration } from './config';

describe('authConfigFromEnv', () => {
  it('defaults to none with the standard proxy headers and an 8h session', () => {
    const c = authConfigFromEnv({});
    expect(c.mode).toBe('none');
    expect(c.proxy.userHeader).toBe('x-forwarded-user');
    expect(c.proxy.groupsHeader).toBe('x-forwarded-groups');
    expect(c.session.ttlMs).toBe(8 * 3_600_000);
    expect(c.session.ephemeral).toBe(true);
    expect(c.namespaceAccess).toEqual({ verb: 'list', resource: 'pods' });
  });

  it('names the variable and the allowed values when AUTH_MODE is wrong', () => {
    expect(() => authConfigFromEnv({ AUTH_MODE: 'oidc' })).toThrow(/AUTH_MODE: must be one of none, proxy, token/);
  });

  it('reports every bad variable at once', () => {
    try {
      authConfigFromEnv({ AUTH_MODE: 'token', AUTH_SESSION_SECRET: 'short', AUTH_SESSION_TTL: 'forever' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AuthConfigError);
      expect((e as Error).message).toMatch(/AUTH_SESSION_SECRET: must be at least 32/);
      expect((e as Error).message).toMatch(/AUTH_SESSION_TTL: must be a duration/);
    }
  });

  it('refuses proxy mode with neither trusted addresses nor a shared secret', () => {
    expect(() => authConfigFromEnv({ AUTH_MODE: 'proxy' })).toThrow(/AUTH_PROXY_TRUSTED_CIDRS.*or AUTH_PROXY_SECRET/);
    expect(authConfigFromEnv({ AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED_CIDRS: '10.0.0.0/8, fd00::/8' }).proxy.trustedCidrs).toHaveLength(2);
  });

  it('rejects a malformed CIDR by value', () => {
    expect(() => authConfigFromEnv({ AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED_CIDRS: '10.0.0.0/33' })).toThrow(/"10.0.0.0\/33" is not an IPv4 or IPv6 CIDR/);
  });

  it('reads custom header names (lower-cased), admin groups, verb and resource; empty strings count as unset', () => {
    const c = authConfigFromEnv({
      AUTH_MODE: 'proxy',
      AUTH_PROXY_SECRET: 's'.repeat(20),
      AUTH_PROXY_USER_HEADER: 'X-Auth-Request-User',
      AUTH_PROXY_GROUPS_HEADER: '',
      AUTH_ADMIN_GROUPS: 'sre, security',
      AUTH_NAMESPACE_VERB: 'get',
      AUTH_NAMESPACE_RESOURCE: 'deployments',
      AUTH_SESSION_SECRET: 'x'.repeat(32),
    });
    expect(c.proxy.userHeader).toBe('x-auth-request-user');
    expect(c.proxy.groupsHeader).toBe('x-forwarded-groups');
    expect(c.adminGroups).toEqual(['sre', 'security']);
    expect(c.namespaceAccess).toEqual({ verb: 'get', resource: 'deployments' });
    expect(c.session.ephemeral).toBe(false);
  });

  it('rejects a header name with spaces', () => {
    expect(() => authConfigFromEnv({ AUTH_PROXY_USER_HEADER: 'x user' })).toThrow(/AUTH_PROXY_USER_HEADER: must be an HTTP header name/);
  });
});

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseDuration('90')).toBe(90_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1d')).toBe(86_400_000);
  });
});
