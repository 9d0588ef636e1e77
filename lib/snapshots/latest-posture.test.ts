import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LatestPostureStore } from './latest-posture';
import { SnapshotStore } from './store';
import { sampleDocument } from './test-fixtures';

// PostgreSQL when TEST_DATABASE_URL is set, as store.test.ts; keys of its own, so it shares the database safely.
const PG_URL = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'pglite', open: (dir: string) => SnapshotStore.open({ dataDir: dir }) },
  ...(PG_URL ? [{ name: 'postgres', open: () => SnapshotStore.open({ databaseUrl: PG_URL }) }] : []),
];

describe.each(backends)('latest posture on $name', ({ open }) => {
  let dir: string;
  let store: SnapshotStore;
  let latest: LatestPostureStore;
  const K = `live::latest-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'latest-'));
    store = await open(dir);
    latest = new LatestPostureStore(store.sql);
  }, 120_000);
  afterAll(async () => {
    await store.sql.query('DELETE FROM latest_posture WHERE cluster_key LIKE $1', [`${K}%`]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the exact JSON, counts versions, and refuses an older document than the one held', async () => {
    const doc = { ...sampleDocument(), generatedAt: '2026-01-02T00:00:00.000Z' };
    const body = JSON.stringify(doc);
    expect((await latest.put(K, body, doc.generatedAt, null))?.version).toBe(1);
    const got = await latest.get(K);
    expect(JSON.stringify(got?.doc)).toBe(body); // byte-identical: the same ETag on every replica
    expect(await latest.put(K, body, '2026-01-01T00:00:00.000Z', null)).toBeNull();
    expect((await latest.put(K, body, doc.generatedAt, 'cannot reach'))?.version).toBe(2);
    expect((await latest.meta(K))?.error).toBe('cannot reach');
    expect(await latest.meta(`${K}-other`)).toBeNull();
  });

  it('records a rescan request on the cluster’s row only', async () => {
    expect(await latest.requestRefresh(`${K}-none`)).toBeNull();
    const at = await latest.requestRefresh(K);
    expect(at).not.toBeNull();
    expect((await latest.meta(K))?.refreshRequestedAt).toBe(at);
  });
});
