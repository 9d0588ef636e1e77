import { afterEach, describe, expect, it, vi } from 'vitest';
import { overviewData } from '../posture/overview-data';
import { redactDocument } from '../snapshots/redact';
import { PLANT, plantedDocument, sampleDocument } from '../snapshots/test-fixtures';
import { loadSharePage } from './snapshot-pages';
import { ShareLimitError, createShare, importSnapshot, openShare, revokeShare, snapshotStore } from './snapshot-service';
import { useTemporaryStore } from './temporary-store';

// Counts redactions, so the tests can tell a cached document from a recomputed one.
vi.mock('../snapshots/redact', async (importActual) => {
  const actual = await importActual<typeof import('../snapshots/redact')>();
  return { ...actual, redactDocument: vi.fn(actual.redactDocument) };
});

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

  it('a redacted share link shows no planted name anywhere in what its pages load', async () => {
    const { view: _v, ...doc } = plantedDocument(); // as an import: no viewer restriction
    const snap = await importSnapshot(doc, `label naming ${PLANT}ns-payments`, 'demo');
    const s = (await createShare(snap.id, 'demo', { expiresInHours: 24, redact: true }))!;
    const page = await loadSharePage(s.token);
    const shown = JSON.stringify({ page, overview: overviewData(page.doc) }).toLowerCase();
    expect(shown).not.toContain(PLANT);
    // ...while the unredacted link shows them, so the test is looking in the right place.
    const plain = (await createShare(snap.id, 'demo', { expiresInHours: 24, redact: false }))!;
    expect(JSON.stringify(await loadSharePage(plain.token)).toLowerCase()).toContain(PLANT);
  });
});

describe('share links: cached redaction and a cap per snapshot', () => {
  useTemporaryStore('snap-share-');
  const saved = process.env.SHARE_LINKS_PER_SNAPSHOT;
  afterEach(() => {
    if (saved === undefined) delete process.env.SHARE_LINKS_PER_SNAPSHOT;
    else process.env.SHARE_LINKS_PER_SNAPSHOT = saved;
  });

  it('redacts a shared document once, not on every request; revoking or expiry still close the link at once', async () => {
    const snap = await importSnapshot(sampleDocument({ cluster: 'prod-eu' }), null, 'demo');
    const a = (await createShare(snap.id, 'demo', { expiresInHours: 24, redact: true }))!;
    const b = (await createShare(snap.id, 'demo', { expiresInHours: 24, redact: true }))!;
    const redactions = vi.mocked(redactDocument);
    redactions.mockClear();
    const first = await openShare(a.token);
    for (let i = 0; i < 5; i++) expect((await openShare(a.token))?.document).toEqual(first?.document);
    expect(redactions).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(first?.document)).not.toContain('prod-eu');

    expect(await revokeShare(a.share.id, 'demo')).toBe(true);
    expect(await openShare(a.token)).toBeNull();
    // Expired in the store while its redaction is cached: the store decides, not the cache.
    await openShare(b.token);
    await (await snapshotStore()).sql.query('UPDATE snapshot_shares SET expires_at = $2 WHERE id = $1', [b.share.id, new Date(Date.now() - 1000).toISOString()]);
    expect(await openShare(b.token)).toBeNull();
  });

  it('caps live share links per snapshot (SHARE_LINKS_PER_SNAPSHOT, default 20); revoked and expired ones do not count', async () => {
    const snap = await importSnapshot(sampleDocument(), null, 'demo');
    const made = [];
    for (let i = 0; i < 20; i++) made.push((await createShare(snap.id, 'demo', { expiresInHours: 1, redact: false }))!);
    await expect(createShare(snap.id, 'demo', { expiresInHours: 1, redact: false })).rejects.toThrow(ShareLimitError);
    await expect(createShare(snap.id, 'demo', { expiresInHours: 1, redact: false })).rejects.toThrow(/already has 20 active share links/);
    await revokeShare(made[0]!.share.id, 'demo');
    await (await snapshotStore()).sql.query('UPDATE snapshot_shares SET expires_at = $2 WHERE id = $1', [made[1]!.share.id, new Date(Date.now() - 1000).toISOString()]);
    expect(await createShare(snap.id, 'demo', { expiresInHours: 1, redact: false })).not.toBeNull();
    expect(await createShare(snap.id, 'demo', { expiresInHours: 1, redact: false })).not.toBeNull();
    await expect(createShare(snap.id, 'demo', { expiresInHours: 1, redact: false })).rejects.toThrow(ShareLimitError);
    // Per snapshot: another snapshot has its own allowance.
    const other = await importSnapshot(sampleDocument(), null, 'demo');
    expect(await createShare(other.id, 'demo', { expiresInHours: 1, redact: false })).not.toBeNull();

    process.env.SHARE_LINKS_PER_SNAPSHOT = '1';
    await expect(createShare(other.id, 'demo', { expiresInHours: 1, redact: false })).rejects.toThrow(/already has 1 active share link/);
  });

  it('refuses concurrent requests past the cap too', async () => {
    process.env.SHARE_LINKS_PER_SNAPSHOT = '3';
    const snap = await importSnapshot(sampleDocument(), null, 'demo');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => createShare(snap.id, 'demo', { expiresInHours: 1, redact: false })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await (await snapshotStore()).listShares(snap.id, 'demo')).toHaveLength(3);
  });
});
