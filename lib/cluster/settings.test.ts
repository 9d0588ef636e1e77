import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from './inventory';

describe('settingsFromEnv', () => {
  it('reads a comma-separated registry allow-list, normalised', () => {
    expect(settingsFromEnv({ POSTURE_ALLOWED_REGISTRIES: ' Registry.Acme.internal/ , ghcr.io/acme,,' })).toEqual({
      allowedRegistries: ['registry.acme.internal', 'ghcr.io/acme'],
    });
    expect(settingsFromEnv({})).toEqual({});
  });
});
