import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessReadiness, clusterProbe, liveness, type ScanState } from './health';
import { checkReadiness, type ReadinessDeps } from './readiness';
import { storeHandle } from './snapshot-store';

const MIN = 60_000;
const now = Date.parse('2026-01-01T12:00:00Z');
const scan = (s: Partial<ScanState>): ScanState => ({ lastGoodAt: null, error: null, scanning: false, ...s });

describe('liveness', () => {
  it('reports ok with a whole number of seconds', () => {
    expect(liveness(12.6)).toEqual({ status: 'ok', uptimeSeconds: 13 });
  });
});

describe('clusterProbe', () => {
  it('is ready when the latest scan succeeded, however old', () => {
    expect(clusterProbe(scan({ lastGoodAt: now - 10 * MIN }), now, MIN).ok).toBe(true);
  });
  it('stays ready through a failure while the last good scan is within the interval', () => {
    const p = clusterProbe(scan({ lastGoodAt: now - 30_000, error: 'ECONNREFUSED' }), now, MIN);
    expect(p.ok).toBe(true);
    expect(p.reason).toMatch(/30s ago/);
  });
  it('is not ready when the latest scan failed and the last good one is older than the interval', () => {
    const p = clusterProbe(scan({ lastGoodAt: now - 2 * MIN, error: 'connect ECONNREFUSED 10.96.0.1:443' }), now, MIN);
    expect(p).toEqual({ ok: false, reason: 'cluster unreachable: latest scan failed and the last good scan is 120s old (limit 60s)' });
    expect(p.reason).not.toContain('10.96.0.1'); // the probe is public: no raw error text
  });
  it('is not ready before any scan succeeded, and says whether one is running', () => {
    expect(clusterProbe(scan({ scanning: true }), now, MIN)).toEqual({ ok: false, reason: 'first cluster scan still running' });
    expect(clusterProbe(scan({ error: 'forbidden' }), now, MIN).reason).toMatch(/no scan has succeeded/);
    expect(clusterProbe(scan({}), now, MIN).ok).toBe(false);
  });
});

describe('assessReadiness', () => {
  it('needs both the cluster and the store', () => {
    const good = scan({ lastGoodAt: now });
    expect(assessReadiness({ scan: good, store: { ok: true }, now, intervalMs: MIN }).ready).toBe(true);
    const r = assessReadiness({ scan: good, store: { ok: false, reason: 'snapshot store (PGlite) cannot be opened' }, now, intervalMs: MIN });
    expect(r.ready).toBe(false);
    expect(r.checks.store.reason).toMatch(/PGlite/);
    expect(assessReadiness({ scan: scan({}), store: { ok: true }, now, intervalMs: MIN }).ready).toBe(false);
  });
});

describe('checkReadiness', () => {
  const deps = (over: Partial<ReadinessDeps>): ReadinessDeps => ({
    spec: { kind: 'demo' },
    refresh: async () => undefined,
    scanState: () => scan({ lastGoodAt: now }),
    probeStore: async () => ({ ok: true }),
    now: () => now,
    intervalMs: MIN,
    waitMs: 50,
    ...over,
  });

  it('answers within waitMs while a slow first scan keeps running', async () => {
    let state = scan({ scanning: true });
    const started = Date.now();
    const r = await checkReadiness(deps({ refresh: () => new Promise(() => {}), scanState: () => state, waitMs: 50 }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.ready).toBe(false);
    expect(r.checks.cluster.reason).toBe('first cluster scan still running');
    state = scan({ lastGoodAt: now });
    expect((await checkReadiness(deps({ scanState: () => state }))).ready).toBe(true);
  });

  it('reads the scan state after the refresh it started, and survives a failing refresh', async () => {
    let state = scan({});
    const refresh = async () => {
      state = scan({ lastGoodAt: now - 5 * MIN, error: 'boom' });
      throw new Error('boom');
    };
    const r = await checkReadiness(deps({ refresh, scanState: () => state }));
    expect(r.ready).toBe(false);
    expect(r.checks.cluster.reason).toMatch(/300s old/);
  });
});

describe('storeHandle.probe', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('opens an embedded store under DATA_DIR once and answers ok', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kp-ready-'));
    dirs.push(dir);
    const h = storeHandle({ dataDir: dir });
    expect(await h.probe()).toEqual({ ok: true });
    expect(await h.get()).toBe(await h.get());
    await (await h.get()).close();
  });

  it('reports a store that cannot be opened, and tries again on the next probe', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kp-ready-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'pglite'), 'not a directory');
    const h = storeHandle({ dataDir: dir });
    const r = await h.probe();
    expect(r).toEqual({ ok: false, reason: 'snapshot store (PGlite) cannot be opened' });
    await rm(path.join(dir, 'pglite'));
    expect(await h.probe()).toEqual({ ok: true });
    await (await h.get()).close();
  });

  it('reports an unreachable PostgreSQL without leaking its URL', async () => {
    const h = storeHandle({ databaseUrl: 'postgres://kp:secret@127.0.0.1:1/kp' });
    const r = await h.probe(5000);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('secret');
  });
});
