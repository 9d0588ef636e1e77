// npm run soak (issue 9): a bounded soak. The built dashboard reads a mid-size synthetic cluster
// live through the fake API server while pods, namespaces and RoleBindings churn, 20 viewers load
// its pages, API faults switch on and off every 30 s, and snapshots are taken by schedule and by
// hand. Then: memory flat, no 5xx, no unhandled rejection, every snapshot intact, and the posture
// caught up with the cluster by itself. Prints a markdown table; exits 1 when a check fails.
// SOAK_SECONDS (default 300), SOAK_PORT (3500), BENCH_DIST_DIR (.next-soak).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PostureDocument } from '../lib/posture/types';
import { postureDocumentSchema, MAX_IMPORT_BYTES } from '../lib/snapshots/validate';
import { generateCluster } from '../lib/synthetic/generate';
import type { Faults } from '../e2e/fake-cluster/faults';
import { startFakeCluster, type FakeCluster } from '../e2e/fake-cluster/server';
import { Churn, reflects } from './soak-churn';

process.env.BENCH_DIST_DIR ??= '.next-soak';
// After the line above: dashboard.ts reads BENCH_DIST_DIR when it loads.
const { buildDashboard, hasBuild, startDashboard, treeRss, DIST_DIR } = await import('./dashboard');
type Dashboard = Awaited<ReturnType<typeof startDashboard>>;

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const PORT = Number(process.env.SOAK_PORT ?? 3500);
const VIEWERS = Number(process.env.SOAK_VIEWERS ?? 20);
const THINK_MS = Number(process.env.SOAK_THINK_MS ?? 200);
const CHURN_EVERY_MS = 300;
const FAULT_EVERY_MS = 30_000;
const SNAPSHOT_EVERY_MS = 45_000;
const RECOVERY_LIMIT_MS = 150_000;
const SIZE = { namespaces: 200, pods: 5000, bindings: 2000, nodes: 50, seed: 9 };
const PAGES = ['/', '/namespaces', '/findings', '/api/posture'];
const MiB = 2 ** 20;
/** The soak's own reads of the posture: plain JSON, whatever the viewers get. */
const IDENTITY = { 'Accept-Encoding': 'identity' };

/** One window each, in turn: on for 30 s, then off for 30 s. Bursts count per request path. */
const FAULTS: { name: string; faults: Faults }[] = [
  { name: '300 ms latency + 500 bursts (3 per path)', faults: { latencyMs: 300, serverError: { times: 3 } } },
  {
    name: '429 with Retry-After: 1 (2 per path) + watch streams cut mid-event after 2 s (3 per path)',
    faults: { throttle: { times: 2, retryAfterSeconds: 1 }, dropWatches: { times: 3, afterMs: 2000, abrupt: true } },
  },
  {
    name: 'connection reset mid-body (pods, rolebindings; once per path) + re-watches expired (410, twice per path)',
    faults: { resetMidBody: { times: 1, resources: ['pods', 'rolebindings'] }, expireWatch: { times: 2 } },
  },
  {
    name: 'truncated JSON (pods, namespaces; once per path) + watch streams ended after 5 events',
    faults: { truncateBody: { times: 1, resources: ['pods', 'namespaces'] }, dropWatches: { afterEvents: 5 } },
  },
  { name: '403 on rolebindings (lists and watches)', faults: { forbidden: ['rolebindings'] } },
];

const started = performance.now();
const log = (m: string) => process.stderr.write(`[soak ${((performance.now() - started) / 1000).toFixed(0)}s] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row {
  what: string;
  measured: string;
  ok: boolean | null;
}
const rows: Row[] = [];

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kp-soak-'));
  let fake: FakeCluster | undefined;
  let dashboard: Dashboard | undefined;
  try {
    if (!hasBuild()) {
      log(`building the dashboard into ${DIST_DIR} (once; delete it to rebuild)`);
      await buildDashboard();
    }
    const { objects } = generateCluster(SIZE);
    fake = await startFakeCluster({ objects, version: 'v1.33.2' });
    const churn = new Churn(fake, objects);
    const kubeconfig = path.join(tmp, 'kubeconfig');
    await fake.writeKubeconfig(kubeconfig);
    const logs = { out: path.join(tmp, 'dashboard.out'), err: path.join(tmp, 'dashboard.err') };
    const tee = path.join(tmp, 'tee.cjs');
    await writeFile(tee, teeScript(logs));
    log(`dashboard on ${objects.length} objects (${SIZE.namespaces} namespaces, ${SIZE.pods} pods), live through the fake API server`);
    dashboard = await startDashboard(PORT, {
      KUBECONFIG: kubeconfig,
      SNAPSHOT_EVERY: '1m',
      // Kinds a fault left unread are retried at this interval (forbidden ones at five times it).
      POSTURE_REFRESH_SECONDS: '20',
      DATA_DIR: path.join(tmp, 'data'),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${tee}`.trim(),
    });
    const d = dashboard;
    const dashboardStarted = performance.now();

    // Warm-up: the first scan (503 until it is done; the scheduled snapshot 5 s in may start it).
    let before = 0;
    for (;;) {
      const r = await fetch(`${d.url}/api/posture`, { headers: IDENTITY });
      await r.arrayBuffer();
      if (r.ok) break;
      if (r.status !== 503) throw new Error(`/api/posture answered ${r.status} before the first scan`);
      before++;
      await sleep(1000);
    }
    log(`first posture after ${((performance.now() - dashboardStarted) / 1000).toFixed(1)} s (${before} × 503 before it); soaking for ${SECONDS} s`);

    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    const endAt = SECONDS * 1000;
    const running = () => elapsed() < endAt;

    const rss: { t: number; bytes: number }[] = [{ t: 0, bytes: treeRss(d.pid) }];
    const sampler = setInterval(() => rss.push({ t: elapsed(), bytes: treeRss(d.pid) }), 5000);

    const statuses = new Map<string, number>();
    let stale = 0;
    let corrupt = 0;
    const latencies = new Map<string, number[]>(PAGES.map((p) => [p, []]));
    const viewer = async (i: number) => {
      for (let n = i; running(); n++) {
        const page = PAGES[n % PAGES.length]!;
        const t = performance.now();
        let key: string;
        try {
          // fetch asks for gzip, as browsers do; the JSON must still parse.
          const r = await fetch(`${d.url}${page}`, { signal: AbortSignal.timeout(60_000) });
          const body = await r.text();
          key = String(r.status);
          if (r.headers.get('x-posture-stale')) stale++;
          if (r.ok && page.startsWith('/api/') && !parses(body)) {
            key = `${r.status} with a body that is not JSON (${page})`;
            corrupt++;
          }
        } catch (e) {
          key = (e as Error).name === 'TimeoutError' ? 'timeout (60 s)' : `network error (${(e as Error).message})`;
        }
        latencies.get(page)!.push(performance.now() - t);
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        await sleep(THINK_MS);
      }
    };

    const churnLoop = async () => {
      while (running()) {
        churn.step();
        await sleep(CHURN_EVERY_MS);
      }
    };

    const faultLog: string[] = [];
    let faultOn = false;
    const faultLoop = async () => {
      for (let k = 1; (k * FAULT_EVERY_MS) < endAt; k++) {
        await sleep(k * FAULT_EVERY_MS - elapsed());
        if (k % 2 === 1) {
          const f = FAULTS[((k - 1) / 2) % FAULTS.length]!;
          fake!.setFaults(f.faults);
          faultOn = true;
          // As after an etcd compaction: every watch ends with 410 and the dashboard lists again, under the fault.
          fake!.setObjects(churn.objects());
          faultLog.push(f.name);
          log(`fault on: ${f.name} (and the watch history compacted)`);
        } else {
          fake!.setFaults({});
          faultOn = false;
          log('faults off');
        }
      }
    };

    const manual: { status: number; stale: boolean }[] = [];
    const snapshotLoop = async () => {
      for (let k = 1; k * SNAPSHOT_EVERY_MS < endAt; k++) {
        await sleep(k * SNAPSHOT_EVERY_MS - elapsed());
        const r = await fetch(`${d.url}/api/snapshots`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ label: `soak ${k}` }),
        });
        const body = (await r.json().catch(() => ({}))) as { stale?: string | null };
        manual.push({ status: r.status, stale: Boolean(body.stale) });
        log(`manual snapshot ${k}: ${r.status}${body.stale ? ' (stale posture)' : ''}`);
      }
    };

    await Promise.all([...Array.from({ length: VIEWERS }, (_, i) => viewer(i)), churnLoop(), faultLoop(), snapshotLoop()]);
    clearInterval(sampler);
    const soakMs = elapsed();
    rss.push({ t: soakMs, bytes: treeRss(d.pid) });

    // Recovery: faults off, one last change, and the posture must catch up without a forced rescan.
    if (faultOn) fake.setFaults({});
    const last = churn.step();
    const changedAt = performance.now();
    log(`last change: ${last.op} ${last.kind} ${last.namespace ? `${last.namespace}/` : ''}${last.name}; waiting for the posture to follow`);
    let recoveredMs: number | null = null;
    let lastSeenMs: number | null = null;
    let mismatches: string[] = [];
    while (performance.now() - changedAt < RECOVERY_LIMIT_MS) {
      const r = await fetch(`${d.url}/api/posture`, { headers: IDENTITY });
      if (r.ok) {
        const doc = (await r.json()) as PostureDocument;
        mismatches = churn.mismatches(doc);
        if (lastSeenMs === null && reflects(churn.mismatches(doc, Infinity), last)) lastSeenMs = performance.now() - changedAt;
        if (mismatches.length === 0) {
          recoveredMs = performance.now() - changedAt;
          break;
        }
      } else mismatches = [`/api/posture answered ${r.status}`];
      await sleep(500);
    }

    const snapshots = await checkSnapshots(d.url, manual, (performance.now() - dashboardStarted) / 1000);
    await dashboard.stop();
    dashboard = undefined;
    const logText = await readFile(logs.err, 'utf8').catch(() => '');
    const outText = await readFile(logs.out, 'utf8').catch(() => '');

    // The table.
    const count = (pred: (k: string) => boolean) => [...statuses].filter(([k]) => pred(k)).reduce((n, [, v]) => n + v, 0);
    const total = count(() => true);
    const serverErrors = count((k) => /^5/.test(k)) + count((k) => !/^\d/.test(k)) + corrupt;
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
    const perPage = [...latencies].map(([p, xs]) => `${p} ${(q(xs, 0.5) / 1000).toFixed(1)} / ${(q(xs, 0.95) / 1000).toFixed(1)} s`).join(', ');
    rows.push({ what: 'duration', measured: `${(soakMs / 1000).toFixed(0)} s of soak (after the first scan, which took ${((t0 - dashboardStarted) / 1000).toFixed(0)} s)`, ok: null });
    rows.push({ what: 'cluster', measured: `${objects.length} objects: ${SIZE.namespaces} namespaces, ${SIZE.pods} pods, ${SIZE.bindings} bindings, ${SIZE.nodes} nodes`, ok: null });
    rows.push({ what: 'changes applied', measured: `${churn.applied - 1} during the soak (pods, namespaces, RoleBindings: add / change / delete), + 1 after it`, ok: null });
    rows.push({
      what: 'faults',
      measured: faultLog.length ? `${faultLog.length} windows of 30 s, each starting with a compacted watch history (410, relist): ${faultLog.join('; ')}` : 'none (the soak was shorter than 60 s)',
      ok: null,
    });
    rows.push({
      what: `viewer requests (${VIEWERS} viewers, ${PAGES.join(' ')}, ${THINK_MS} ms between requests)`,
      measured: `${total}: ${[...statuses].sort().map(([k, v]) => `${k} × ${v}`).join(', ')}; ${stale} /api/posture answers marked stale; latency p50 / p95: ${perPage}`,
      ok: null,
    });
    rows.push({
      what: '5xx, failed requests and unreadable JSON, counted from the first good posture on (503s before it are fine)',
      measured: `${serverErrors} (${before} × 503 during the first scan, not counted)`,
      ok: serverErrors === 0 && total > 0,
    });
    const memory = memoryRow(rss, soakMs);
    rows.push(memory);
    const grep = /unhandledRejection|Unhandled|uncaughtException/;
    const bad = logText.split('\n').filter((l) => grep.test(l));
    rows.push({
      what: 'unhandled rejections / uncaught exceptions in the dashboard log',
      measured: bad.length ? `${bad.length}: ${bad.slice(0, 2).join(' / ').slice(0, 300)}` : `0 (stderr ${logText.split('\n').filter(Boolean).length} lines, stdout ${outText.split('\n').filter(Boolean).length} lines)`,
      ok: bad.length === 0,
    });
    rows.push(...snapshots);
    rows.push({
      what: 'posture after the last fault is off reflects the last change, by itself (no rescan asked for)',
      measured:
        recoveredMs !== null
          ? `yes, ${(recoveredMs / 1000).toFixed(1)} s after the change (${last.op} ${last.kind} ${last.namespace ? `${last.namespace}/` : ''}${last.name}: ${last.expect}); every soak pod, namespace and binding matches the cluster`
          : `no: the last change (${last.op} ${last.kind} ${last.name}: ${last.expect}) ${lastSeenMs === null ? 'never showed' : `showed after ${(lastSeenMs / 1000).toFixed(1)} s`}, but after ${RECOVERY_LIMIT_MS / 1000} s still ${mismatches.join('; ')}`,
      ok: recoveredMs !== null,
    });
  } finally {
    await dashboard?.stop();
    await fake?.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

/** RSS at 1 min into the soak (half-way for shorter soaks) vs at the end, and the slope after it. */
function memoryRow(rss: { t: number; bytes: number }[], soakMs: number): Row {
  const refT = Math.min(60_000, soakMs / 2);
  const ref = rss.find((s) => s.t >= refT) ?? rss[0]!;
  const end = rss.at(-1)!;
  const after = rss.filter((s) => s.t >= ref.t);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const mt = mean(after.map((s) => s.t));
  const mb = mean(after.map((s) => s.bytes));
  const den = after.reduce((a, s) => a + (s.t - mt) ** 2, 0);
  const slope = den > 0 ? after.reduce((a, s) => a + (s.t - mt) * (s.bytes - mb), 0) / den : 0; // bytes per ms
  const peak = Math.max(...rss.map((s) => s.bytes));
  const mib = (b: number) => `${(b / MiB).toFixed(0)} MiB`;
  return {
    what: `dashboard RSS (process tree, every 5 s): at ${(ref.t / 1000).toFixed(0)} s vs at the end; flat = end ≤ 1.1× that`,
    measured: `${mib(ref.bytes)} → ${mib(end.bytes)} (${(end.bytes / ref.bytes).toFixed(2)}×), slope ${((slope * 60_000) / MiB).toFixed(1)} MiB/min over ${after.length} samples; first sample ${mib(rss[0]!.bytes)}, peak ${mib(peak)}; each minute: ${minutes(rss).map(mib).join(', ')}`,
    ok: end.bytes <= 1.1 * ref.bytes,
  };
}

/** The first sample at or after each whole minute. */
function minutes(rss: { t: number; bytes: number }[]): number[] {
  const out: number[] = [];
  for (let m = 1; ; m++) {
    const s = rss.find((x) => x.t >= m * 60_000);
    if (!s) return out;
    out.push(s.bytes);
  }
}

/** Every listed snapshot opens and is a whole posture document; the counts match what was taken. */
async function checkSnapshots(url: string, manual: { status: number }[], uptimeS: number): Promise<Row[]> {
  const r = await fetch(`${url}/api/snapshots`);
  if (!r.ok) return [{ what: 'snapshots', measured: `GET /api/snapshots answered ${r.status}`, ok: false }];
  const { snapshots } = (await r.json()) as { snapshots: { id: string; origin: string; takenAt: string }[] };
  const broken: string[] = [];
  let largest = 0;
  for (const s of snapshots) {
    const res = await fetch(`${url}/api/snapshots/${s.id}`);
    const text = await res.text();
    largest = Math.max(largest, Buffer.byteLength(text));
    if (!res.ok) {
      broken.push(`${s.id}: ${res.status}`);
      continue;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      broken.push(`${s.id}: not JSON (${(e as Error).message})`);
      continue;
    }
    const v = postureDocumentSchema.safeParse(doc);
    if (!v.success) broken.push(`${s.id}: ${v.error.issues[0]!.path.join('.')}: ${v.error.issues[0]!.message}`);
    else if (v.data.cluster.source !== 'live' || v.data.findings.length === 0) broken.push(`${s.id}: not a live posture, or no findings`);
  }
  const taken = manual.filter((m) => m.status === 201).length;
  const manualListed = snapshots.filter((s) => s.origin === 'manual').length;
  const scheduled = snapshots.filter((s) => s.origin === 'scheduled').length;
  // The schedule's first round is 5 s after start, then one a minute after each round ends.
  const dueMax = Math.floor((uptimeS - 5) / 60) + 1;
  const countsOk = taken === manual.length && manualListed === taken && scheduled >= dueMax - 1 && scheduled <= dueMax && snapshots.length === manualListed + scheduled;
  return [
    {
      what: 'snapshots: count',
      measured: `${snapshots.length} listed = ${manualListed} by hand (${taken} of ${manual.length} POSTs answered 201) + ${scheduled} scheduled (SNAPSHOT_EVERY=1m over ${uptimeS.toFixed(0)} s of uptime: ${dueMax - 1}–${dueMax} due)`,
      ok: countsOk,
    },
    {
      what: 'snapshots: each opens (GET /api/snapshots/{id}) and is a whole posture document (the import schema)',
      measured: broken.length ? `${broken.length} broken: ${broken.slice(0, 3).join('; ')}` : `all ${snapshots.length}; largest ${(largest / MiB).toFixed(1)} MiB as served (import limit ${MAX_IMPORT_BYTES / MiB} MiB)`,
      ok: broken.length === 0 && snapshots.length > 0,
    },
  ];
}

/** Next.js writes its logs to the pipe startDashboard keeps to itself; this preload copies them to files. */
function teeScript(logs: { out: string; err: string }): string {
  return `const fs = require('node:fs');
for (const [stream, file] of [[process.stdout, ${JSON.stringify(logs.out)}], [process.stderr, ${JSON.stringify(logs.err)}]]) {
  const fd = fs.openSync(file, 'a');
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    try { fs.writeSync(fd, typeof chunk === 'string' ? chunk : Buffer.from(chunk)); } catch {}
    return write(chunk, ...rest);
  };
}
`;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function printTable(): boolean {
  const esc = (v: string) => v.replace(/\|/g, '\\|');
  const failed = rows.filter((r) => r.ok === false);
  const cpus = os.cpus();
  process.stdout.write(
    [
      '| figure | measured | ok |',
      '|---|---|---|',
      ...rows.map((r) => `| ${esc(r.what)} | ${esc(r.measured)} | ${r.ok === null ? '' : r.ok ? 'yes' : '**no**'} |`),
      '',
      `Machine: ${cpus.length} cores (${cpus[0]?.model ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; soak took ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
      failed.length ? `FAILED: ${failed.map((r) => r.what).join('; ')}` : 'All checks passed.',
      '',
    ].join('\n'),
  );
  return failed.length === 0;
}

main()
  .then(() => (process.exitCode = printTable() ? 0 : 1))
  .catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    rows.push({ what: 'the soak ran to the end', measured: `no: ${(e as Error).message}`, ok: false });
    printTable();
    process.exitCode = 1;
  });
