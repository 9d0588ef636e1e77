// Running the built dashboard (`next start`, NEXT_DIST_DIR=.next-bench) for the benchmark and
// reading what it costs: response times, the RSS of its process tree.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const DIST_DIR = process.env.BENCH_DIST_DIR ?? '.next-bench';

export function hasBuild(): boolean {
  return existsSync(path.join(DIST_DIR, 'BUILD_ID'));
}

export async function buildDashboard(): Promise<void> {
  // next build rewrites tsconfig.json and next-env.d.ts for its dist dir; the checkout keeps its own.
  const files = ['tsconfig.json', 'next-env.d.ts'];
  const saved = await Promise.all(files.map((f) => readFile(f, 'utf8').catch(() => null)));
  try {
    await run(path.join('node_modules', '.bin', 'next'), ['build'], { NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' });
  } finally {
    await Promise.all(files.map((f, i) => (saved[i] === null ? undefined : writeFile(f, saved[i]!))));
  }
}

export interface Dashboard {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startDashboard(port: number, env: Record<string, string>): Promise<Dashboard> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1', ...env };
  for (const k of ['POSTURE_SOURCE', 'POSTURE_FROM', 'KUBECONFIG', 'KUBE_CONTEXT', 'DATABASE_URL']) if (!(k in env)) delete childEnv[k];
  // As `npm start` runs it: the request boundary's preload first (lib/server/boundary).
  // BENCH_DASHBOARD_NODE_ARGS: extra node flags for the dashboard (e.g. --cpu-prof --cpu-prof-dir=/tmp/p).
  const nodeArgs = (process.env.BENCH_DASHBOARD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', './lib/server/boundary/preload.mjs', path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: childEnv,
    stdio: ['ignore', process.env.BENCH_DASHBOARD_LOG ? 'pipe' : 'ignore', 'pipe'],
    detached: false,
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  // BENCH_DASHBOARD_LOG=<file>: the dashboard's stderr kept whole, to see why requests failed.
  if (process.env.BENCH_DASHBOARD_LOG) {
    const file = createWriteStream(process.env.BENCH_DASHBOARD_LOG, { flags: 'a' });
    child.stderr!.pipe(file);
    child.stdout!.pipe(file); // and its stdout (--trace-gc in BENCH_DASHBOARD_NODE_ARGS writes there)
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${stderr}`);
    try {
      const r = await fetch(`${url}/api/contexts`);
      await r.arrayBuffer();
      if (r.status !== 503) break; // 503: still starting (the request boundary is not in place yet)
    } catch {
      if (Date.now() > deadline) throw new Error(`next start did not listen on ${port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return { url, pid: child.pid!, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  // A profiling dashboard (BENCH_DASHBOARD_NODE_ARGS) writes its profile as it exits: give it time.
  const timer = setTimeout(() => child.kill('SIGKILL'), process.env.BENCH_DASHBOARD_NODE_ARGS ? 120_000 : 5000);
  await done;
  clearTimeout(timer);
}

/** Milliseconds for one GET, body read to the end; throws on a non-2xx answer. */
export async function timedGet(url: string, init?: RequestInit): Promise<number> {
  const t = performance.now();
  const r = await fetch(url, init);
  await r.arrayBuffer();
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return performance.now() - t;
}

/**
 * Milliseconds for one GET as a browser sends it (`headers`), the body counted as sent, not
 * decoded (decoding is the viewer's machine's work); throws on a non-2xx answer.
 */
export function timedWire(url: string, headers: Record<string, string>): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) =>
    http
      .get(url, { headers }, (res) => {
        res.on('data', () => undefined);
        res.on('error', reject);
        res.on('end', () => ((res.statusCode ?? 0) >= 300 ? reject(new Error(`${url}: ${res.statusCode}`)) : resolve(performance.now() - t)));
      })
      .on('error', reject),
  );
}

/** CPU time (user + system) a process and its descendants have used so far, in ms (Linux /proc). */
export function treeCpuMs(pid: number): number {
  let ticks = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (children) stack.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Where a load's CPU went: the dashboard's per answer, and the client's (the bench shares the machine's cores with it). */
export function cpuShares(r: { responses: number; wallMs: number; clientCpuMs: number }, serverCpuMs: number): string {
  const cores = (ms: number) => (ms / r.wallMs).toFixed(2);
  return `dashboard CPU ${(serverCpuMs / Math.max(1, r.responses)).toFixed(2)} ms per answer (${cores(serverCpuMs)} cores), the bench's client ${cores(r.clientCpuMs)} cores, ${Math.round(r.responses / (r.wallMs / 1000))} answers/s`;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
      total += kb ? Number(kb) * 1024 : 0;
      const children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim();
      if (children) stack.push(...children.split(/\s+/).map(Number));
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function run(cmd: string, args: string[], env: Record<string, string> = {}, stdout: 'ignore' | 'inherit' = 'ignore'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr}`))));
  });
}
