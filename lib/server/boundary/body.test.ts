import { describe, expect, it } from 'vitest';
import { newIngestToken } from '../../fleet/tokens';
import { MAX_IMPORT_BYTES } from '../../snapshots/validate';
import { SMALL_BODY_BYTES } from '../route-input';
import { acceptsAnonymousBody, bodyLimit } from './body';

describe('bodies before authentication', () => {
  it('an agent’s report is taken without a session only with an ingest token’s shape, and only by the ingest route', () => {
    const bearer = `Bearer ${newIngestToken()}`;
    expect(acceptsAnonymousBody('POST', '/api/fleet/ingest', bearer)).toBe(true);
    expect(acceptsAnonymousBody('POST', '/api/fleet/ingest', undefined)).toBe(false);
    expect(acceptsAnonymousBody('POST', '/api/fleet/ingest', 'Bearer nope')).toBe(false);
    expect(acceptsAnonymousBody('PUT', '/api/fleet/ingest', bearer)).toBe(false);
    expect(acceptsAnonymousBody('POST', '/api/snapshots/import', bearer)).toBe(false);
    expect(acceptsAnonymousBody('POST', '/api/auth/signin')).toBe(true);
  });

  it('the audit webhook takes a body without a session only with its own bearer token, up to AUDIT_MAX_BYTES', () => {
    const env = { POSTURE_AUDIT_TOKEN: 'audit-secret' };
    expect(acceptsAnonymousBody('POST', '/api/audit/webhook', 'Bearer audit-secret', env)).toBe(true);
    expect(acceptsAnonymousBody('POST', '/api/audit/webhook', 'Bearer audit-secreT', env)).toBe(false);
    expect(acceptsAnonymousBody('POST', '/api/audit/webhook', undefined, env)).toBe(false);
    expect(acceptsAnonymousBody('POST', '/api/audit/webhook', 'Bearer audit-secret', {})).toBe(false);
    expect(acceptsAnonymousBody('POST', '/api/exceptions', 'Bearer audit-secret', env)).toBe(false);
    expect(bodyLimit('POST', '/api/audit/webhook', {})).toBe(16 * 1024 * 1024);
    expect(bodyLimit('POST', '/api/audit/webhook', { AUDIT_MAX_BYTES: '1000' })).toBe(1000);
  });

  it('a report may be as large as an import; other bodies stay small', () => {
    expect(bodyLimit('POST', '/api/fleet/ingest')).toBe(MAX_IMPORT_BYTES);
    expect(bodyLimit('POST', '/api/snapshots/import')).toBe(MAX_IMPORT_BYTES);
    expect(bodyLimit('POST', '/api/exceptions')).toBe(SMALL_BODY_BYTES);
  });
});
