// Why the viewer rows miss, side by side for several builds (not part of `npm run bench`):
//   tsx bench/viewers-probe.ts .next-before .next-bench
// One fake API server with the big cluster; for each build (a NEXT_DIST_DIR), a dashboard that
// scans it, then each cache miss timed alone, with how long a tiny request (/healthz) waited
// meanwhile (the event loop blocked), then the two viewer loads of bench/run.ts. BENCH_PORT.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCluster } from '../lib/synthetic/generate';
import { startFakeCluster } from '../e2e/fake-cluster/server';
import { startDashboard, treeRss } from './dashboard';
import { failureKinds, failures, load, type LoadRequest, type LoadResult } from './load';
import { BIG } from './posture-timing';

const PORT = Number(process.env.BENCH_PORT ?? 4410);
const GiB = 1024 ** 3;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };
const log = (m: string) => process.stderr.write(`[probe ${new Date().toISOString().slice(11, 19)} load ${os.loadavg()[0]!.toFixed(1)}] ${m}\n`);

/** One GET timed, and the longest a /healthz polled every 20 ms waited meanwhile. */
async function alone(url: string, p: string) {
  let blocked = 0;
  let done = false;
  const poll = (async () => {
    while (!done) {
      const t = performance.now();
      await fetch(`${url}/healthz`).then((r) => r.arrayBuffer(), () => undefined);
      blocked = Math.max(blocked, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t = performance.now();
  const status = await fetch(`${url}${p}`, { headers: BROWSER }).then(
    async (r) => (await r.arrayBuffer(), `status ${r.status}`),
    (e: Error) => `failed: ${e.message}, ${(e.cause as Error | undefined)?.message ?? ''}`,
  );
  const ms = performance.now() - t;
  done = true;
  await poll;
  return `${(ms / 1000).toFixed(2)} s (${status}; /healthz waited up to ${(blocked / 1000).toFixed(2)} s)`;
}

const summary = (r: LoadResult, expected: number[] = []) =>
  `${r.responses} responses (${r.retried} sent again on a fresh connection), p50 ${r.p50} ms, p99 ${r.p99} ms, ${failures(r, expected)} errors${failureKinds(r, expected)}, ${JSON.stringify(r.statuses)}`;

async function main() {
  const builds = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kp-probe-'));
  const fake = await startFakeCluster({ objects: generateCluster(BIG).objects, version: 'v1.35.1' });
  const kubeconfig = path.join(tmp, 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig);
  const table: string[][] = [];
  try {
    for (const build of builds) {
      const d = await startDashboard(PORT, { KUBECONFIG: kubeconfig, NEXT_DIST_DIR: build });
      const col: string[] = [build];
      table.push(col);
      try {
        const note = (label: string, v: string) => (log(`${build} ${label}: ${v}`), col.push(`${label}: ${v}`));
        note('scan (first /api/posture, not cached)', await alone(d.url, '/api/posture'));
        note('RSS after the scan', `${(treeRss(d.pid) / GiB).toFixed(2)} GiB`);
        note('first / (rendered)', await alone(d.url, '/'));
        note('second / (cached)', await alone(d.url, '/'));
        note('first /api/posture/overview', await alone(d.url, '/api/posture/overview'));
        note('first /api/posture (compressed once)', await alone(d.url, '/api/posture'));
        note('second /api/posture (cached)', await alone(d.url, '/api/posture'));
        const rss = { peak: treeRss(d.pid) };
        const sampler = setInterval(() => (rss.peak = Math.max(rss.peak, treeRss(d.pid))), 500);
        const etag = (await fetch(`${d.url}/api/posture`, { headers: BROWSER }).then(async (r) => (await r.arrayBuffer(), r.headers.get('etag')))) ?? '';
        const run = (reqs: LoadRequest[]) => load(d.url, reqs, { connections: 200, durationS: DURATION_S, timeoutS: DURATION_S });
        note('200 viewers of /api/posture (+ETag)', summary(await run([{ path: '/api/posture', headers: BROWSER }, { path: '/api/posture', headers: { ...BROWSER, 'if-none-match': etag } }]), [304]));
        note('RSS peak', `${(rss.peak / GiB).toFixed(2)} GiB`);
        note('200 viewers of / and overview', summary(await run([{ path: '/', headers: BROWSER }, { path: '/api/posture/overview', headers: BROWSER }])));
        clearInterval(sampler);
        note('RSS peak over the loads', `${(rss.peak / GiB).toFixed(2)} GiB`);
      } finally {
        await d.stop();
      }
    }
  } finally {
    await fake.close();
    await rm(tmp, { recursive: true, force: true });
  }
  for (const col of table) process.stdout.write(`\n## ${col[0]}\n${col.slice(1).map((l) => `- ${l}`).join('\n')}\n`);
  process.stdout.write(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
