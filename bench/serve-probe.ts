// Where a cached answer's CPU goes, per path (not part of `npm run bench`):
//   tsx bench/serve-probe.ts .next-before .next-bench
// For each build: the big cluster scanned live, then each cached path's body sizes, and 200
// viewers of that one path for BENCH_DURATION s with the dashboard's and this client's CPU.
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { generateCluster } from '../lib/synthetic/generate';
import { startFakeCluster } from '../e2e/fake-cluster/server';
import { cpuShares, startDashboard, timedGet, treeCpuMs } from './dashboard';
import { load } from './load';
import { BIG } from './posture-timing';

const PORT = Number(process.env.BENCH_PORT ?? 4410);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd', accept: 'text/html,application/json;q=0.9,*/*;q=0.8' };
const PATHS = (process.env.PROBE_PATHS ?? '/,/api/posture/overview,/healthz').split(',');
const log = (m: string) => process.stderr.write(`[serve-probe ${new Date().toISOString().slice(11, 19)} load ${os.loadavg()[0]!.toFixed(1)}] ${m}\n`);

function wire(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) =>
    http.get(url, { headers }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => (n += c.length));
      res.on('end', () => resolve(n));
    }).on('error', reject),
  );
}

async function main() {
  const builds = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kp-serve-probe-'));
  const fake = await startFakeCluster({ objects: generateCluster(BIG).objects, version: 'v1.35.1' });
  const kubeconfig = path.join(tmp, 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig);
  const out: string[] = [];
  try {
    for (const build of builds) {
      const d = await startDashboard(PORT, { KUBECONFIG: kubeconfig, NEXT_DIST_DIR: build });
      try {
        log(`${build}: scan ${(await timedGet(`${d.url}/api/posture`)) / 1000} s`);
        // A render of the page alone (a query string is never cached): what a renewal costs, and how long the event loop is held.
        for (let i = 0; i < 3; i++) {
          const cpu = treeCpuMs(d.pid);
          const ms = await timedGet(`${d.url}/?render=${i}`, { headers: BROWSER });
          const line = `${build} render of / alone: ${ms.toFixed(0)} ms, dashboard CPU ${treeCpuMs(d.pid) - cpu} ms`;
          log(line);
          out.push(line);
        }
        for (const p of PATHS) {
          const first = await timedGet(`${d.url}${p}`, { headers: BROWSER });
          const sizes = await Promise.all([{ 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip' }, BROWSER].map((h) => wire(`${d.url}${p}`, h)));
          const cpu = treeCpuMs(d.pid);
          const r = await load(d.url, [{ path: p, headers: BROWSER }], { connections: 200, durationS: DURATION_S, timeoutS: 30 });
          if (process.argv.includes('--node-http')) {
            const before = treeCpuMs(d.pid);
            const o = await nodeHttpLoad(d.url, p);
            const l = `${build} ${p} with node:http's client (the bench's before this change): p50 ${o.p50} ms p99 ${o.p99} ms, ${o.responses} answers; ${cpuShares(o, treeCpuMs(d.pid) - before)}`;
            log(l);
            out.push(l);
          }
          const line = `${build} ${p}: first ${first.toFixed(0)} ms; bytes plain/gzip/br ${sizes.join('/')}; p50 ${r.p50} ms p99 ${r.p99} ms, ${r.responses} answers ${JSON.stringify(r.statuses)}; ${cpuShares(r, treeCpuMs(d.pid) - cpu)}`;
          log(line);
          out.push(line);
        }
      } finally {
        await d.stop();
      }
    }
  } finally {
    await fake.close();
    await rm(tmp, { recursive: true, force: true });
  }
  process.stdout.write(out.join('\n') + `\nload average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
}

/** The bench's previous client: node:http with a keep-alive agent, 200 connections, bodies counted. */
async function nodeHttpLoad(url: string, p: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
  const latencies: number[] = [];
  const began = performance.now();
  const cpu = process.cpuUsage();
  const end = began + DURATION_S * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      http
        .get(`${url}${p}`, { agent, headers: BROWSER }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => (latencies.push(performance.now() - t), resolve()));
        })
        .on('error', () => resolve());
    });
  await Promise.all(Array.from({ length: 200 }, async () => {
    while (performance.now() < end) await one();
  }));
  agent.destroy();
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.floor(q * latencies.length)] ?? 0);
  return { responses: latencies.length, p50: at(0.5), p99: at(0.99), wallMs: performance.now() - began, clientCpuMs: (used.user + used.system) / 1000 };
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
