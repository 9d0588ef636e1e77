import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../snapshots/test-fixtures';
import { closeSnapshotStore, createShare, importSnapshot, openShare, snapshotStore } from './snapshot-service';

describe('snapshot service: one store per process, share links', () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'snap-svc-'));
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    await closeSnapshotStore();
    Object.assign(process.env, saved);
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the store once however many callers ask at once', async () => {
    const [a, b] = await Promise.all([snapshotStore(), snapshotStore()]);
    expect(a).toBe(b);
  }, 120_000);

  it('a share link opens its snapshot by token, redacted when asked; the token is not stored', async () => {
    const doc = sampleDocument({ cluster: 'prod-eu', privileged: true });
    const snap = await importSnapshot(doc, 'for the auditor');
    const plain = await createShare(snap.id, { expiresInHours: 24, redact: false });
    const redacted = await createShare(snap.id, { expiresInHours: 24, redact: true });
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
    expect(await (await snapshotStore()).revokeShare(plain!.share.id)).toBe(true);
    expect(await openShare(plain!.token)).toBeNull();
  });

  it('clamps the lifetime and refuses an unknown snapshot', async () => {
    const snap = await importSnapshot(sampleDocument());
    const s = await createShare(snap.id, { expiresInHours: 100_000, redact: false });
    expect(Date.parse(s!.share.expiresAt) - Date.now()).toBeLessThanOrEqual(90 * 86_400_000 + 1000);
    expect(await createShare('00000000-0000-4000-8000-000000000000', { expiresInHours: 1, redact: false })).toBeNull();
  });
});
