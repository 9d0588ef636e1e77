// Issue 19's fleet rows: 500 clusters each reporting a 5,000-pod posture every 5 minutes, in
// compressed time (reports are sent back to back, a few at a time, as 500 agents spread over a
// round would arrive). The hub's ingest (the real handler: token, validation, store) runs in this
// process, so its CPU time is read with process.cpuUsage(); the CPU share is that time over the
// rounds' simulated wall-clock (5 minutes each), in cores. The store is PostgreSQL when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, else PGlite (then in this process, counted).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildInventory } from '../lib/cluster/build-inventory';
import { FleetStore } from '../lib/fleet/store';
import { computePosture } from '../lib/posture/engine';
import type { PostureDocument } from '../lib/posture/types';
import { handleIngest, type IngestDeps } from '../lib/server/fleet-ingest';
import { SnapshotStore } from '../lib/snapshots/store';
import { generateCluster } from '../lib/synthetic/generate';

export const FLEET = { clusters: 500, pods: 5000, everyS: 300 };

export interface FleetIngestTiming {
  reports: number;
  docBytes: number;
  p50Ms: number;
  p99Ms: number;
  cpuS: number;
  /** Cores the hub keeps busy at 500 reports per 5 minutes. */
  cpuShare: number;
  /** Bytes the store grows by per report kept in the history, and per day at this rate. */
  bytesPerReport: number;
  growthPerDay: number;
  /** The latest documents of every cluster (replaced in place, not growing). */
  latestBytes: number;
  backend: string;
}

/** A posture document of a 5,000-pod cluster, computed by the engine. */
export function fleetDocument(): PostureDocument {
  const { objects } = generateCluster({ namespaces: 100, pods: FLEET.pods, bindings: 1000, nodes: 50, seed: 19 });
  const inv = buildInventory(objects, { cluster: { name: 'agent', version: 'v1.35.1', source: 'live' } });
  return computePosture(inv);
}

// What grows with every report: the history. The latest documents (latest_posture) and the
// clusters' summaries are replaced in place: one row per cluster, whatever the day.
async function tableBytes(store: SnapshotStore, table = 'fleet_reports'): Promise<number> {
  return Number((await store.sql.query<{ n: string }>('SELECT pg_total_relation_size($1::regclass) AS n', [table]))[0]!.n);
}

export interface FleetHub {
  store: SnapshotStore;
  dataDir: string | null;
  databaseUrl: string | null;
  close(): Promise<void>;
}

export async function openFleetHub(): Promise<FleetHub> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
  const dataDir = databaseUrl ? null : await mkdtemp(path.join(os.tmpdir(), 'kp-bench-fleet-'));
  const store = await SnapshotStore.open(databaseUrl ? { databaseUrl } : { dataDir: dataDir! });
  // A bench run of its own: earlier runs' bench clusters go.
  for (const t of ['fleet_reports', 'latest_posture']) await store.sql.query(`DELETE FROM ${t} WHERE cluster_key LIKE 'fleet:bench-%'`);
  await store.sql.query(`DELETE FROM fleet_clusters WHERE cluster_key LIKE 'fleet:bench-%'`);
  return {
    store,
    dataDir,
    databaseUrl,
    close: async () => {
      await store.close().catch(() => undefined);
    },
  };
}

export async function removeFleetHub(hub: FleetHub): Promise<void> {
  if (hub.dataDir) await rm(hub.dataDir, { recursive: true, force: true });
}

export async function timeFleetIngest(hub: FleetHub, rounds: number, concurrency = 4): Promise<FleetIngestTiming> {
  const { store } = hub;
  const fleet = new FleetStore(store.sql);
  const tokens: string[] = [];
  for (let i = 0; i < FLEET.clusters; i++)
    tokens.push((await fleet.createToken(`bench-${String(i).padStart(3, '0')}`, { labels: { env: i % 3 === 0 ? 'prod' : 'dev', region: ['eu', 'us', 'ap'][i % 3]! } })).token);
  const doc = fleetDocument();
  const start = Date.parse('2026-12-01T00:00:00Z');
  const body = (round: number, i: number) => JSON.stringify({ ...doc, generatedAt: new Date(start + round * FLEET.everyS * 1000 + i * 500).toISOString() });
  const docBytes = Buffer.byteLength(body(0, 0));
  const deps: IngestDeps = { fleet: async () => fleet, perMinute: 1_000_000, maxBytes: 20 * 1024 * 1024 };

  // Round 0 fills the latest documents (the table then stays that size); growth is measured after it.
  const latencies: number[] = [];
  let cpuS = 0;
  let measured = 0;
  let bytesAfterFirst = 0;
  for (let round = 0; round < rounds + 1; round++) {
    const cpu0 = process.cpuUsage();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < FLEET.clusters) {
          const i = next++;
          const b = body(round, i);
          const t = performance.now();
          const res = await handleIngest(
            new Request('http://hub/api/fleet/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[i]}` }, body: b }),
            deps,
          );
          if (res.status !== 201) throw new Error(`report ${round}/${i}: ${res.status} ${await res.text()}`);
          if (round > 0) latencies.push(performance.now() - t);
        }
      }),
    );
    const cpu = process.cpuUsage(cpu0);
    if (round === 0) bytesAfterFirst = await tableBytes(store);
    else {
      cpuS += (cpu.user + cpu.system) / 1e6;
      measured += FLEET.clusters;
    }
  }
  const bytesAfter = await tableBytes(store);
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  const bytesPerReport = (bytesAfter - bytesAfterFirst) / measured;
  return {
    reports: measured,
    docBytes,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    cpuS,
    cpuShare: cpuS / (rounds * FLEET.everyS),
    bytesPerReport,
    growthPerDay: bytesPerReport * FLEET.clusters * (86_400 / FLEET.everyS),
    latestBytes: await tableBytes(store, 'latest_posture'),
    backend: store.backend,
  };
}
