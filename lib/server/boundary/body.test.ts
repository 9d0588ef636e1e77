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

  it('a report may be as large as an import; other bodies stay small', () => {
    expect(bodyLimit('POST', '/api/fleet/ingest')).toBe(MAX_IMPORT_BYTES);
    expect(bodyLimit('POST', '/api/snapshots/import')).toBe(MAX_IMPORT_BYTES);
    expect(bodyLimit('POST', '/api/exceptions')).toBe(SMALL_BODY_BYTES);
  });
});
