import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SnapshotStore } from './store';
import { sampleDocument } from './test-fixtures';

// PostgreSQL runs when TEST_DATABASE_URL is set (.ci/run sets it); DATABASE_URL is not
// read here so that a developer's real database is never touched by tests.
const PG_URL = process.env.TEST_DATABASE_URL;
if (!PG_URL) console.log('[snapshots] PostgreSQL store tests skipped: TEST_DATABASE_URL is not set');

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
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.sql.query('DELETE FROM snapshots');
  });

  it('saves, lists per cluster newest first, gets the document back intact', async () => {
    expect(store.backend).toBe(name);
    const a = sampleDocument({ cluster: 'prod', generatedAt: '2026-11-20T10:00:00.000Z' });
    const b = sampleDocument({ cluster: 'prod', generatedAt: '2026-11-21T10:00:00.000Z', privileged: true });
    const c = sampleDocument({ cluster: 'dev', generatedAt: '2026-11-21T11:00:00.000Z' });
    const ma = await store.save(a, '  before  ');
    const mb = await store.save(b);
    await store.save(c, '');
    expect(ma).toMatchObject({ cluster: 'prod', label: 'before', score: a.score, takenAt: a.generatedAt, source: 'manifests' });
    expect(mb.label).toBeNull();
    expect((await store.list('prod')).map((s) => s.id)).toEqual([mb.id, ma.id]);
    expect(await store.list()).toHaveLength(3);
    const got = await store.get(mb.id);
    expect(got?.document).toEqual(b);
    expect(await store.get('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(await store.delete(ma.id)).toBe(true);
    expect(await store.delete(ma.id)).toBe(false);
  });

  it('stores text that looks like SQL or markup as data', async () => {
    const d = sampleDocument({ cluster: "x'; DROP TABLE snapshots; --" });
    const m = await store.save(d, '<script>alert(1)</script>');
    expect((await store.get(m.id))?.label).toBe('<script>alert(1)</script>');
    expect(await store.list("x'; DROP TABLE snapshots; --")).toHaveLength(1);
  });

  it('prunes by count per cluster and by age', async () => {
    for (let day = 1; day <= 5; day++) {
      await store.save(sampleDocument({ cluster: 'a', generatedAt: `2026-11-0${day}T00:00:00.000Z` }));
      await store.save(sampleDocument({ cluster: 'b', generatedAt: `2026-11-0${day}T00:00:00.000Z` }));
    }
    expect(await store.prune({ keep: 3 })).toBe(4);
    expect((await store.list('a')).map((s) => s.takenAt.slice(0, 10))).toEqual(['2026-11-05', '2026-11-04', '2026-11-03']);
    expect(await store.prune({ maxAgeDays: 1.5, now: new Date('2026-11-06T00:00:00Z') })).toBe(4);
    expect((await store.list()).map((s) => s.cluster).sort()).toEqual(['a', 'b']);
  });

  it('migrations run once; closing and reopening keeps the data', async () => {
    const m = await store.save(sampleDocument());
    // Never two PGlite handles on one directory: close, then reopen.
    await store.close();
    store = await open(dir);
    expect((await store.sql.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version)).toEqual([1]);
    expect((await store.get(m.id))?.document).toEqual(sampleDocument());
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
          const s = await store.get(id);
          expect(s, id).not.toBeNull();
          expect(s!.document.findings).toHaveLength(expected.findings.length * 3);
        }
        const more = await store.save(expected, 'after crash');
        expect(await store.get(more.id)).not.toBeNull();
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
