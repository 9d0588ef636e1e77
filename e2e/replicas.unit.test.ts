// Issue 19, replicas: two dashboard processes (e2e/replica-server.ts) on one PostgreSQL and one
// fake cluster. Exactly one lists the cluster; both serve the same posture (the same ETag); an
// exception made on the one that does not scan reaches the posture both serve; kill -9 of the
// scanning one hands the cluster to the other within two poll intervals, and no snapshot or
// exception is lost. Runs on the real PostgreSQL of CI (TEST_DATABASE_URL), in a database of its
// own (the store tests empty their tables as they go).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, spawnLogged, type Spawned } from './boundary-helpers';
import { startFakeCluster, type FakeCluster } from './fake-cluster/server';

const PG_URL = process.env.TEST_DATABASE_URL;
const POLL_MS = 1000;
const REASON = 'replica takeover test skipped: TEST_DATABASE_URL is not set (it needs a real PostgreSQL; .ci/run starts one)';

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { containers: [{ name: 'web', image: 'nginx:latest' }] } },
];

interface Replica extends Spawned {
  url: string;
}
type Posture = { scans: boolean; generatedAt: string | null; etag: string | null; accepted: number; error: string | null };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function get<T>(r: Replica, p: string): Promise<T> {
  const res = await fetch(r.url + p);
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
async function post<T>(r: Replica, p: string, body?: unknown): Promise<T> {
  const res = await fetch(r.url + p, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await fn().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

if (!PG_URL && process.env.CI !== 'true') console.log(`[replicas] ${REASON}`);

describe.skipIf(!PG_URL && process.env.CI !== 'true')('replicas on one PostgreSQL', () => {
  let fake: FakeCluster;
  let kubeconfig: string;
  let dbUrl: string;
  const dbName = `kp_replicas_${process.pid}_${Date.now()}`;
  const replicas: Replica[] = [];
  const podLists: number[] = [];

  async function startReplica(name: string): Promise<Replica> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), KUBECONFIG: kubeconfig, DATABASE_URL: dbUrl, REPLICA_POLL_MS: String(POLL_MS), DATA_DIR: '' };
    for (const k of ['POSTURE_SOURCE', 'POSTURE_FROM', 'KUBE_CONTEXT', 'SNAPSHOT_EVERY']) delete env[k];
    const s = spawnLogged(process.execPath, ['--import', 'tsx', 'e2e/replica-server.ts'], { env, cwd: process.cwd() });
    const r = { ...s, url: `http://127.0.0.1:${port}` };
    replicas.push(r);
    await until(`replica ${name} to listen`, () => get<Posture>(r, '/posture'), (p) => p.generatedAt !== null, 90_000).catch((e) => {
      throw new Error(`${(e as Error).message}\n${s.log()}`);
    });
    return r;
  }

  beforeAll(async () => {
    if (!PG_URL) throw new Error(`CI=true: ${REASON}`);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();
    fake = await startFakeCluster({ objects, port: 0, onRequest: (q) => void (q.path === '/api/v1/pods' && !q.query.watch && podLists.push(Date.now())) });
    kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-replicas-')), 'kubeconfig');
    await fake.writeKubeconfig(kubeconfig);
  }, 60_000);

  afterAll(async () => {
    for (const r of replicas) r.child.kill('SIGKILL');
    await Promise.all(replicas.map((r) => r.exited));
    await fake?.close();
    if (PG_URL && dbUrl) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);

  it('one replica scans, both serve its posture, and the other takes over within two poll intervals of a kill -9, losing nothing', async () => {
    const a = await startReplica('a');
    const b = await startReplica('b');
    const [pa, pb] = [await get<Posture>(a, '/posture'), await get<Posture>(b, '/posture')];
    expect([pa.scans, pb.scans]).toEqual([true, false]);
    expect(pb.etag).toBe(pa.etag); // the same bytes: the same posture, the same version
    await sleep(3 * POLL_MS);
    expect(podLists).toHaveLength(1); // b served a's posture without listing the cluster

    // An exception made on the replica that does not scan reaches the posture both serve.
    const doc = (await (await fetch(`${a.url}/posture`)).json()) as Posture;
    const finding = await firstFinding();
    const exc = await post<{ id: string }>(b, '/exceptions', {
      checkId: finding.checkId,
      scope: { type: 'object', kind: finding.resource.kind, namespace: finding.resource.namespace ?? null, name: finding.resource.name },
      reason: 'replica test',
      owner: 'team',
      expires: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
    });
    const [onA, onB] = await until(
      'the exception in both postures',
      async () => [await get<Posture>(a, '/posture'), await get<Posture>(b, '/posture')] as const,
      ([x, y]) => x.accepted > 0 && x.etag === y.etag,
    );
    expect(onA.generatedAt).not.toBe(doc.generatedAt);
    const snapA = await post<{ id: string }>(a, '/snapshots', { label: 'from a' });
    const snapB = await post<{ id: string }>(b, '/snapshots', { label: 'from b' });
    const listsBeforeKill = podLists.length;

    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    await until('b to take over', () => get<{ scans: boolean }>(b, '/scans'), (s) => s.scans, 10 * POLL_MS);
    const tookOverMs = Date.now() - killedAt;
    console.log(`[replicas] b took over ${tookOverMs} ms after a was killed (bound ${2 * POLL_MS} ms)`);
    expect(tookOverMs).toBeLessThanOrEqual(2 * POLL_MS);

    // b scans the cluster itself now, with the stored exception still applied.
    const after = await until('b’s own posture', () => get<Posture>(b, '/posture'), (p) => p.scans && p.generatedAt !== onB.generatedAt);
    expect(podLists.length).toBeGreaterThan(listsBeforeKill);
    expect(after.accepted).toBe(onA.accepted);
    expect(await get<string[]>(b, '/snapshots')).toEqual(expect.arrayContaining([snapA.id, snapB.id]));
    expect(await get<string[]>(b, '/exceptions')).toEqual([exc.id]);

    // A replica started again joins as a reader of b's posture.
    const c = await startReplica('c');
    const pc = await until('c to serve b’s posture', () => get<Posture>(c, '/posture'), (p) => p.etag !== null);
    const pb2 = await get<Posture>(b, '/posture');
    expect(pc.scans).toBe(false);
    expect(pc.etag).toBe(pb2.etag);
  }, 240_000);

  async function firstFinding() {
    const res = await fetch(`${replicas[0]!.url}/document`);
    const body = (await res.json()) as { findings: { checkId: string; resource: { kind: string; namespace?: string; name: string } }[] };
    const f = body.findings.find((x) => x.resource.name === 'web' && x.resource.namespace === 'shop');
    if (!f) throw new Error('no finding on the pod');
    return f;
  }
});
