import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../snapshots/test-fixtures';
import { createShare, importSnapshot, openShare, snapshotStore } from './snapshot-service';
import { useTemporaryStore } from './temporary-store';

describe('snapshot service: one store per process, share links', () => {
  useTemporaryStore('snap-svc-');

  it('opens the store once however many callers ask at once', async () => {
    const [a, b] = await Promise.all([snapshotStore(), snapshotStore()]);
    expect(a).toBe(b);
  }, 120_000);

  it('a share link opens its snapshot by token, redacted when asked; the token is not stored', async () => {
    const doc = sampleDocument({ cluster: 'prod-eu', privileged: true });
    const snap = await importSnapshot(doc, 'for the auditor', 'demo');
    const plain = await createShare(snap.id, 'demo', { expiresInHours: 24, redact: false });
    const redacted = await createShare(snap.id, 'demo', { expiresInHours: 24, redact: true });
    expect(plain!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(plain!.token).not.toBe(redacted!.token);
    const rows = await (await snapshotStore()).sql.query<{ token_hash: string }>('SELECT token_hash FROM snapshot_shares');
    expect(rows.map((r) => r.token_hash)).not.toContain(plain!.token);

    const open = await openShare(plain!.token);
    expect(open?.document).toEqual(doc);
    expect(open?.label).toBe('for the auditor');
    const red = await openShare(redacted!.token);
    expect(JSON.stringify(red?.document)).not.toContain('shop');
    expect(red?.label).toBeNull();

    expect(await openShare(plain!.token.slice(0, -1) + (plain!.token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    expect(await openShare('not a token')).toBeNull();
    expect(await (await snapshotStore()).revokeShare(plain!.share.id, 'demo')).toBe(true);
    expect(await openShare(plain!.token)).toBeNull();
  });

  it('clamps the lifetime and refuses an unknown snapshot', async () => {
    const snap = await importSnapshot(sampleDocument(), null, 'demo');
    const s = await createShare(snap.id, 'demo', { expiresInHours: 100_000, redact: false });
    expect(Date.parse(s!.share.expiresAt) - Date.now()).toBeLessThanOrEqual(90 * 86_400_000 + 1000);
    expect(await createShare('00000000-0000-4000-8000-000000000000', 'demo', { expiresInHours: 1, redact: false })).toBeNull();
  });
});
