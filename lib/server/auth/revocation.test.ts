import { describe, expect, it, vi } from 'vitest';
import { createRevocations, type RevocationStore } from './revocation';

describe('revocations', () => {
  it('revocation: a signed-out id is refused through the store, so another process sees it too', async () => {
    const rows = new Map<string, Date>();
    const store: RevocationStore = { revokeSession: async (id, exp) => void rows.set(id, exp), isSessionRevoked: async (id) => rows.has(id) };
    await createRevocations(async () => store).revoke('sid-1', Date.now() + 60_000);
    const otherReplica = createRevocations(async () => store);
    expect(await otherReplica.isRevoked('sid-1')).toBe(true);
    expect(await otherReplica.isRevoked('sid-2')).toBe(false);
  });

  it('revocation: with the store down, this process still refuses the id until it would have expired', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let now = 1_000;
    const down = async (): Promise<RevocationStore> => Promise.reject(new Error('connection refused'));
    const r = createRevocations(down, () => now);
    await r.revoke('sid-1', 61_000);
    expect(await r.isRevoked('sid-1')).toBe(true);
    expect(await r.isRevoked('sid-2')).toBe(false); // fails open only for ids it never saw
    now = 61_001;
    expect(await r.isRevoked('sid-1')).toBe(false); // expired anyway: the cookie is refused for that
    expect(err).toHaveBeenCalled();
    err.mockRestore();
  });
});
