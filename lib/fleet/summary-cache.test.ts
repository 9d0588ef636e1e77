// The /fleet summary cache against the real store (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set): a read fetches only the rows whose version changed, and never serves an older row than the
// database holds, also when another replica (another cache on the same database) made the change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotStore } from '../snapshots/store';
import { sampleDocument } from '../snapshots/test-fixtures';
import { FleetStore } from './store';
import { FleetSummaryCache } from './summary-cache';

const PG_URL = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'pglite', open: (dir: string) => SnapshotStore.open({ dataDir: dir }) },
  ...(PG_URL ? [{ name: 'postgres', open: () => SnapshotStore.open({ databaseUrl: PG_URL }) }] : []),
];

describe.each(backends)('FleetSummaryCache on $name', ({ open }) => {
  let dir: string;
  let store: SnapshotStore;
  const run = `${process.pid}-${Date.now() % 1e6}`;
  const mine = (names: string[]) => names.filter((n) => n.endsWith(run));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fleet-cache-'));
    store = await open(dir);
  }, 120_000);
  afterAll(async () => {
    for (const t of ['fleet_reports', 'latest_posture', 'fleet_clusters'])
      await store.sql.query(`DELETE FROM ${t} WHERE cluster_key LIKE $1`, [`fleet:%-${run}`]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-reads only the rows that changed; a report, new labels or a removed cluster show at the next read', async () => {
    const fleet = new FleetStore(store.sql);
    const [a, b, c] = ['a', 'b', 'c'].map((x) => `cache-${x}-${run}`) as [string, string, string];
    for (const n of [a, b, c]) await fleet.createToken(n, { labels: { env: 'dev' } });
    const cache = new FleetSummaryCache(async () => fleet);
    const other = new FleetSummaryCache(async () => new FleetStore(store.sql)); // another replica

    expect(mine((await cache.clusters()).map((x) => x.name))).toEqual([a, b, c]);
    const firstFetch = cache.lastFetched;
    expect(firstFetch).toBeGreaterThanOrEqual(3);
    await cache.clusters();
    expect(cache.lastFetched).toBe(0); // nothing changed: no row fetched
    await other.clusters();

    const doc = sampleDocument({ generatedAt: '2026-11-22T10:00:00.000Z' });
    await fleet.ingest((await fleet.cluster(b))!, JSON.stringify(doc), doc);
    await fleet.createToken(c, { labels: { env: 'prod' } });
    for (const x of [cache, other]) {
      const now = await x.clusters();
      expect(x.lastFetched).toBe(2);
      expect(now.find((y) => y.name === b)?.last?.generatedAt).toBe('2026-11-22T10:00:00.000Z');
      expect(now.find((y) => y.name === c)?.labels).toEqual({ env: 'prod' });
    }

    await store.sql.query('DELETE FROM fleet_clusters WHERE cluster_key = $1', [`fleet:${a}`]);
    expect(mine((await cache.clusters()).map((x) => x.name))).toEqual([b, c]);
    expect(cache.lastFetched).toBe(0);
  });
});
