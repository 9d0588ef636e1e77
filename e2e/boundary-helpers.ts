// Helpers for e2e/request-boundary.spec.ts and e2e/standalone.spec.ts: raw HTTP requests (from a
// chosen loopback address, so one test can be both the trusted proxy and an outsider), a
// dashboard process of our own, and a flood of forged-identity requests from before its port opens.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The source address: 127.0.0.2 is "the proxy" where AUTH_PROXY_TRUSTED_CIDRS=127.0.0.2/32. */
  localAddress?: string;
  timeoutMs?: number;
}

export function request(url: string, opts: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, localAddress: opts.localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(opts.body);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = (s.address() as net.AddressInfo)!;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The resident set of a process, in bytes (Linux). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

export interface Spawned {
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

/** Starts a process with its output kept for the test's failure report. */
export function spawnLogged(command: string, args: string[], opts: Parameters<typeof spawn>[2]): Spawned {
  const child = spawn(command, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, log: () => log, exited };
}

/** `next start` exactly as `npm start` runs it: the boundary preload first. */
export function nextStartArgs(host: string, port: number, preload = true): string[] {
  const next = path.join('node_modules', 'next', 'dist', 'bin', 'next');
  return [...(preload ? ['--import', './lib/server/boundary/preload.mjs'] : []), next, 'start', '-H', host, '-p', String(port)];
}

export interface HammerResult {
  /** How many answers had each status. */
  statuses: Record<number, number>;
  /** Answers that served the forged identity (any 2xx), for the failure message. */
  served: { path: string; status: number; body: string }[];
}

/**
 * Sends `concurrency` streams of requests with `headers` to `paths` from now (the port may not be
 * open yet: refused connections are retried at once) until stop() is called.
 */
export function hammer(base: string, paths: string[], headers: Record<string, string>, concurrency = 6) {
  const result: HammerResult = { statuses: {}, served: [] };
  let running = true;
  const worker = async (offset: number) => {
    for (let i = offset; running; i++) {
      const p = paths[i % paths.length]!;
      try {
        const res = await request(base + p, { headers, timeoutMs: 20_000 });
        result.statuses[res.status] = (result.statuses[res.status] ?? 0) + 1;
        if (res.status >= 200 && res.status < 300) result.served.push({ path: p, status: res.status, body: res.body.slice(0, 200) });
      } catch {
        await new Promise((r) => setTimeout(r, 2)); // not listening yet, or dropped
      }
    }
  };
  const workers = Array.from({ length: concurrency }, (_, i) => worker(i));
  return {
    result,
    async stop(): Promise<HammerResult> {
      running = false;
      await Promise.all(workers);
      return result;
    },
  };
}

/** The paths an attacker with forged proxy headers went for: overview, RBAC subjects, snapshots, metrics. */
export const FORGED_TARGETS = ['/api/posture/overview', '/api/rbac/subjects', '/api/snapshots', '/metrics', '/'];
