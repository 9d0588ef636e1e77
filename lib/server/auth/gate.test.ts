import { describe, expect, it } from 'vitest';
import { authConfigFromEnv } from './config';
import { gate, isPublicPath, safeNext } from './gate';
import { OFF_SITE_NEXT } from '../../../e2e/open-redirect-payloads';
import { createSession } from './session';

const token = authConfigFromEnv({ AUTH_MODE: 'token', AUTH_SESSION_SECRET: 'q'.repeat(32) });
const proxy = authConfigFromEnv({ AUTH_MODE: 'proxy', AUTH_PROXY_TRUSTED_CIDRS: '10.0.0.0/8' });
const noHeaders = new Headers();

describe('gate', () => {
  it('sends a page visitor without a session to /signin, remembering where they were going', () => {
    expect(gate(token, '/namespaces', '?q=pay', noHeaders, undefined)).toEqual({ pass: false, status: 303, location: '/signin?next=%2Fnamespaces%3Fq%3Dpay' });
  });

  it('says the session expired when it did', () => {
    const old = createSession({ user: 'a', groups: [] }, token.session.secret, 60_000, 0);
    expect(gate(token, '/', '', noHeaders, old, 120_000)).toEqual({ pass: false, status: 303, location: '/signin?expired=1' });
  });

  it('answers API calls with 401, not a redirect', () => {
    expect(gate(token, '/api/posture', '', noHeaders, undefined)).toMatchObject({ status: 401 });
    expect(gate(proxy, '/', '', new Headers({ 'x-forwarded-user': 'admin' }), undefined)).toMatchObject({ status: 401 });
  });

  it('lets public paths and valid sessions through', () => {
    for (const p of ['/signin', '/healthz', '/readyz', '/share/abc', '/_next/static/x.js', '/metrics', '/api/fleet/ingest'])
      expect(gate(token, p, '', noHeaders, undefined)).toEqual({ pass: true });
    const s = createSession({ user: 'a', groups: [] }, token.session.secret, 60_000);
    expect(gate(token, '/findings', '', noHeaders, s)).toEqual({ pass: true });
    expect(isPublicPath('/snapshots')).toBe(false);
    expect(isPublicPath('/api/shares/x')).toBe(false);
    expect(isPublicPath('/api/fleet/ingest/x')).toBe(false);
    expect(isPublicPath('/api/fleet')).toBe(false);
  });
});

describe('safeNext', () => {
  it('keeps local paths and drops anything that leaves the site', () => {
    expect(safeNext('/findings?area=rbac')).toBe('/findings?area=rbac');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', '', null]) expect(safeNext(bad)).toBe('/');
  });

  // Each payload, resolved the way a browser resolves a Location header, must stay on this origin.
  it.each(OFF_SITE_NEXT)('safeNext-open-redirect: %j stays on this origin', (payload) => {
    const next = safeNext(payload);
    expect(next.startsWith('/') && !next.startsWith('//')).toBe(true);
    expect(new URL(next, 'https://dashboard.example').origin).toBe('https://dashboard.example');
  });

  it('returns the normalised path', () => {
    expect(safeNext('/namespaces/../findings?q=a b')).toBe('/findings?q=a%20b');
    expect(safeNext('/a\\b')).toBe('/a/b');
  });
});
