import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { SnapshotStore } from './store';
import { sampleDocument } from './test-fixtures';

// PostgreSQL runs when TEST_DATABASE_URL is set (.ci/run sets it); DATABASE_URL is not
// read here so that a developer's real database is never touched by tests.
const PG_URL = process.env.TEST_DATABASE_URL;
if (!PG_URL) console.log('[snapshots] PostgreSQL store tests skipped: TEST_DATABASE_URL is not set');

/** The cluster the rows of these tests belong to. */
const K = 'live::prod';

const backends = [
  { name: 'pglite', open: (dir: string) => SnapshotStore.open({ dataDir: dir }) },
  ...(PG_URL ? [{ name: 'postgres', open: () => SnapshotStore.open({ databaseUrl: PG_URL }) }] : []),
];

describe.each(backends)('SnapshotStore on $name', ({ name, open }) => {
  let dir: string;
  let store: SnapshotStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'snap-'));
    store = await open(dir);
    // A fresh PGlite data directory runs initdb: seconds, many more on a loaded machine.
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.sql.query('DELETE FROM snapshot_shares');
    await store.sql.query('DELETE FROM snapshots');
  });

  it('saves, lists per cluster newest first, gets the document back intact', async () => {
    expect(store.backend).toBe(name);
    const a = sampleDocument({ cluster: 'prod', generatedAt: '2026-11-20T10:00:00.000Z' });
    const b = sampleDocument({ cluster: 'prod', generatedAt: '2026-11-21T10:00:00.000Z', privileged: true });
    const c = sampleDocument({ cluster: 'dev', generatedAt: '2026-11-21T11:00:00.000Z' });
    const ma = await store.save(a, '  before  ', { clusterKey: K });
    const mb = await store.save(b, null, { clusterKey: K });
    await store.save(c, '', { clusterKey: K });
    expect(ma).toMatchObject({ cluster: 'prod', label: 'before', score: a.score, takenAt: a.generatedAt, source: 'manifests' });
    expect(mb.label).toBeNull();
    expect((await store.list(K, 'prod')).map((s) => s.id)).toEqual([mb.id, ma.id]);
    expect(await store.list(K)).toHaveLength(3);
    const got = await store.get(mb.id, K);
    expect(got?.document).toEqual(b);
    expect(await store.get('00000000-0000-0000-0000-000000000000', K)).toBeNull();
    expect(await store.delete(ma.id, K)).toBe(true);
    expect(await store.delete(ma.id, K)).toBe(false);
  });

  it('stores text that looks like SQL or markup as data', async () => {
    const d = sampleDocument({ cluster: "x'; DROP TABLE snapshots; --" });
    const m = await store.save(d, '<script>alert(1)</script>', { clusterKey: K });
    expect((await store.get(m.id, K))?.label).toBe('<script>alert(1)</script>');
    expect(await store.list(K, "x'; DROP TABLE snapshots; --")).toHaveLength(1);
  });

  it('prunes by count per cluster and by age', async () => {
    for (let day = 1; day <= 5; day++) {
      await store.save(sampleDocument({ cluster: 'a', generatedAt: `2026-11-0${day}T00:00:00.000Z` }), null, { clusterKey: K });
      await store.save(sampleDocument({ cluster: 'b', generatedAt: `2026-11-0${day}T00:00:00.000Z` }), null, { clusterKey: K });
    }
    expect(await store.prune({ keep: 3 })).toBe(4);
    expect((await store.list(K, 'a')).map((s) => s.takenAt.slice(0, 10))).toEqual(['2026-11-05', '2026-11-04', '2026-11-03']);
    expect(await store.prune({ maxAgeDays: 1.5, now: new Date('2026-11-06T00:00:00Z') })).toBe(4);
    expect((await store.list(K)).map((s) => s.cluster).sort()).toEqual(['a', 'b']);
  });

  it('keeps scope and origin; retention with an origin deletes only that origin', async () => {
    await store.save(sampleDocument({ cluster: 'a', generatedAt: '2026-11-01T00:00:00.000Z' }), 'kept by hand', { clusterKey: K, scope: 'live:k:a', origin: 'manual' });
    for (let day = 2; day <= 5; day++)
      await store.save(sampleDocument({ cluster: 'a', generatedAt: `2026-11-0${day}T00:00:00.000Z` }), null, { clusterKey: K, scope: 'live:k:a', origin: 'scheduled' });
    const imported = await store.save(sampleDocument({ cluster: 'a', generatedAt: '2026-10-01T00:00:00.000Z' }), null, { clusterKey: K, origin: 'import' });
    expect(imported).toMatchObject({ scope: '', origin: 'import' });
    expect((await store.listScope('live:k:a')).map((s) => s.takenAt.slice(0, 10))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
      '2026-11-04',
      '2026-11-05',
    ]);
    expect(await store.prune({ keep: 2, origin: 'scheduled' })).toBe(2);
    expect(await store.prune({ maxAgeDays: 1, origin: 'scheduled', now: new Date('2026-11-05T12:00:00Z') })).toBe(1);
    const left = await store.list(K, 'a');
    expect(left.map((s) => [s.origin, s.takenAt.slice(0, 10)])).toEqual([
      ['scheduled', '2026-11-05'],
      ['manual', '2026-11-01'],
      ['import', '2026-10-01'],
    ]);
  });

  it('finds a share by token hash until it expires or is revoked; deleting the snapshot deletes its shares', async () => {
    const m = await store.save(sampleDocument(), null, { clusterKey: K });
    const now = new Date('2026-11-22T12:00:00Z');
    const share = (await store.addShare(m.id, K, 'a'.repeat(64), { redact: true, expiresAt: new Date('2026-11-23T12:00:00Z') }))!;
    expect(share).toMatchObject({ snapshotId: m.id, redact: true, revokedAt: null, expiresAt: '2026-11-23T12:00:00.000Z' });
    expect((await store.findShare('a'.repeat(64), now))?.snapshot.id).toBe(m.id);
    expect(await store.findShare('b'.repeat(64), now)).toBeNull();
    expect(await store.findShare('a'.repeat(64), new Date('2026-11-23T12:00:01Z'))).toBeNull();
    expect(await store.revokeShare(share.id, K, now)).toBe(true);
    expect(await store.revokeShare(share.id, K, now)).toBe(false);
    expect(await store.findShare('a'.repeat(64), now)).toBeNull();
    expect((await store.listShares(m.id, K))[0]!.revokedAt).toBe(now.toISOString());
    await store.addShare(m.id, K, 'c'.repeat(64), { redact: false, expiresAt: new Date('2026-11-23T12:00:00Z') });
    await store.delete(m.id, K);
    expect(await store.sql.query('SELECT 1 FROM snapshot_shares')).toHaveLength(0);
  });

  it('cluster-key: a snapshot and its shares exist only for their own cluster (pen test issue 13, item 1)', async () => {
    const a = await store.save(sampleDocument({ cluster: 'a' }), null, { clusterKey: 'live::A' });
    const shareA = (await store.addShare(a.id, 'live::A', 'd'.repeat(64), { redact: false, expiresAt: new Date(Date.now() + 3_600_000) }))!;
    // Asked about cluster B, A's rows are not there: no read, list, share, revoke or delete.
    expect(await store.get(a.id, 'live::B')).toBeNull();
    expect(await store.list('live::B')).toEqual([]);
    expect(await store.addShare(a.id, 'live::B', 'e'.repeat(64), { redact: false, expiresAt: new Date(Date.now() + 3_600_000) })).toBeNull();
    expect(await store.listShares(a.id, 'live::B')).toEqual([]);
    expect(await store.revokeShare(shareA.id, 'live::B')).toBe(false);
    expect(await store.delete(a.id, 'live::B')).toBe(false);
    expect((await store.get(a.id, 'live::A'))?.clusterKey).toBe('live::A');
    expect(await store.findShare('d'.repeat(64))).not.toBeNull(); // the token itself still opens it
    await expect(store.save(sampleDocument(), null, { clusterKey: '' })).rejects.toThrow(/belong to a cluster/);
  });

  it('revoked sessions are kept until they expire and survive a reopen', async () => {
    await store.revokeSession('sid-1', new Date(Date.now() + 3_600_000));
    await store.revokeSession('sid-old', new Date(Date.now() - 1000));
    await store.revokeSession('sid-2', new Date(Date.now() + 3_600_000)); // prunes sid-old
    expect(await store.isSessionRevoked('sid-1')).toBe(true);
    expect(await store.isSessionRevoked('sid-old')).toBe(false);
    expect(await store.isSessionRevoked('sid-3')).toBe(false);
  });

  it('migrations run once; closing and reopening keeps the data', async () => {
    const m = await store.save(sampleDocument(), null, { clusterKey: K });
    // Never two PGlite handles on one directory: close, then reopen.
    await store.close();
    store = await open(dir);
    expect((await store.sql.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await store.get(m.id, K))?.document).toEqual(sampleDocument());
  });
});

describe('SnapshotStore on pglite after a killed writer', () => {
  it('opens, and every snapshot reported committed is intact', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'snap-crash-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crash-writer.ts'), dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const ids: string[] = [];
      let buf = '';
      await new Promise<void>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', () => resolve());
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          const lines = buf.split('\n');
          buf = lines.pop()!;
          ids.push(...lines);
          if (ids.length >= 15 && !child.killed) child.kill('SIGKILL');
        });
      });
      expect(ids.length).toBeGreaterThanOrEqual(15);
      const store = await SnapshotStore.open({ dataDir: dir });
      try {
        const expected = sampleDocument();
        for (const id of ids) {
          const s = await store.get(id, 'demo');
          expect(s, id).not.toBeNull();
          expect(s!.document.findings).toHaveLength(expected.findings.length * 3);
        }
        const more = await store.save(expected, 'after crash', { clusterKey: 'demo' });
        expect(await store.get(more.id, 'demo')).not.toBeNull();
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 3 on a store from before cluster keys', () => {
  it('keeps a picked context’s snapshots on that context, and gives the rest to the default cluster on adoption', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'snap-mig3-'));
    try {
      const { openPglite } = await import('./db');
      const { MIGRATIONS } = await import('./migrations');
      const sql = await openPglite(dir);
      // The schema as it was (migrations 1 and 2), with rows of each kind.
      await sql.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
        for (const stmt of m.sql.split(';').map((x) => x.trim()).filter(Boolean)) await sql.query(stmt);
        await sql.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      const row = (id: string, scope: string, origin: string) =>
        sql.query(
          `INSERT INTO snapshots (id, cluster, source, taken_at, score, document, scope, origin) VALUES ($1, 'c', 'live', now(), 50, '{}'::jsonb, $2, $3)`,
          [id, scope, origin],
        );
      await row('picked', 'live::staging', 'manual');
      await row('default', 'live::', 'scheduled');
      await row('imported', '', 'import');
      await sql.query(`INSERT INTO snapshot_shares (id, snapshot_id, token_hash, redact, expires_at) VALUES ('s1', 'picked', 'h1', false, now())`);
      await sql.close();

      const store = await SnapshotStore.open({ dataDir: dir });
      try {
        const keys = async () =>
          Object.fromEntries((await store.sql.query<{ id: string; cluster_key: string }>('SELECT id, cluster_key FROM snapshots')).map((r) => [r.id, r.cluster_key]));
        expect(await keys()).toEqual({ picked: 'live::staging', default: '', imported: '' });
        expect((await store.sql.query<{ cluster_key: string }>('SELECT cluster_key FROM snapshot_shares'))[0]!.cluster_key).toBe('live::staging');
        expect(await store.adoptUnassigned('live::prod')).toBe(2);
        expect(await keys()).toEqual({ picked: 'live::staging', default: 'live::prod', imported: 'live::prod' });
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
