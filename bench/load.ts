// The bench's viewers: `connections` keep-alive connections, each sending its requests in turn
// for `durationS` and reading every body to the end, as bytes. A browser decompresses natively;
// autocannon (used before) turned every body chunk into a JS string, ~11 MB/s for a compressed
// (binary) body on this machine, so 200 viewers of a 1.8 MB answer measured the client, not the
// server. Bodies are counted, not decompressed: that is the viewer's machine's work, not the server's.
// HTTP/1.1 is spoken over plain sockets (http1.ts), not node:http: the viewers' machines are not
// the server's, but here they share its two cores, and node:http's client cost ~0.5 ms of CPU per
// answer (as much as the cached answer itself), so a cheap client measures the server, not itself.
import { performance } from 'node:perf_hooks';
import { openConnection, type Exchange } from './http1';

export interface LoadRequest {
  path: string;
  method?: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  onResponse?: (status: number) => void;
}

export interface LoadResult {
  /** Answers read to the end, of any status. */
  responses: number;
  /** Latency percentiles of the 2xx and 3xx answers, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Requests that timed out, and other connection errors (reset, refused, a body cut short), by message. */
  timeouts: number;
  errors: Record<string, number>;
  statuses: Record<number, number>;
  /** Body bytes read, as sent. */
  bytes: number;
  /** Requests sent again because their kept-alive connection had been closed as idle (not errors). */
  retried: number;
  /** The run's wall time, and the CPU this (client) process spent meanwhile, ms: a client that eats a core measures itself. */
  wallMs: number;
  clientCpuMs: number;
}

export async function load(url: string, requests: LoadRequest[], opts: { connections: number; durationS: number; timeoutS: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const result: LoadResult = { responses: 0, p50: 0, p99: 0, max: 0, timeouts: 0, errors: {}, statuses: {}, bytes: 0, retried: 0, wallMs: 0, clientCpuMs: 0 };
  const target = new URL(url);
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  const end = began + opts.durationS * 1000;
  const prepared = requests.map((r) => ({ r, bytes: requestBytes(target, r) }));
  const count = (x: Exchange, r: LoadRequest, started: number) => {
    result.bytes += x.bytes;
    if (x.kind === 'answer') {
      result.responses++;
      result.statuses[x.status] = (result.statuses[x.status] ?? 0) + 1;
      if (x.status < 400) latencies.push(performance.now() - started);
      r.onResponse?.(x.status);
    } else if (x.kind === 'timeout') result.timeouts++;
    else {
      const kind = `${x.message} (${x.reused ? 'kept-alive' : 'new'} connection, ${x.answered ? 'in the body' : 'before the answer'})`;
      result.errors[kind] = (result.errors[kind] ?? 0) + 1;
    }
  };
  // Requests under way when the time is up are waited for (up to their timeout) and counted.
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, c) => {
      let conn = openConnection(target);
      for (let i = c; performance.now() < end; i++) {
        const { r, bytes } = prepared[i % prepared.length]!;
        const started = performance.now();
        let x = await conn.send(bytes, opts.timeoutS * 1000, r.method === 'HEAD');
        // A kept-alive connection the server closed as idle just as it was reused: a browser sends
        // the request again on a new connection, and so does this.
        if (x.kind === 'error' && x.reused && !x.answered && x.closedQuietly) {
          result.retried++;
          conn = openConnection(target);
          x = await conn.send(bytes, opts.timeoutS * 1000, r.method === 'HEAD');
        }
        count(x, r, started);
        if (x.kind !== 'answer' || !x.keepAlive) {
          conn.close();
          conn = openConnection(target);
        }
      }
      conn.close();
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  result.wallMs = performance.now() - began;
  result.clientCpuMs = (cpu.user + cpu.system) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { ...result, p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0) };
}

function requestBytes(target: URL, r: LoadRequest): Buffer {
  const lines = [`${r.method ?? 'GET'} ${r.path} HTTP/1.1`, `Host: ${target.host}`, ...Object.entries(r.headers ?? {}).map(([k, v]) => `${k}: ${v}`)];
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

/** Requests that failed: timeouts, connection errors, and answers other than 2xx and `expected`. */
export function failures(r: LoadResult, expected: number[] = []): number {
  const statuses = Object.entries(r.statuses).filter(([code]) => !code.startsWith('2') && !expected.includes(Number(code)));
  return r.timeouts + Object.values(r.errors).reduce((a, b) => a + b, 0) + statuses.reduce((n, [, c]) => n + c, 0);
}

/** What the failures were, when there were any. */
export function failureKinds(r: LoadResult, expected: number[] = []): string {
  const parts = [
    r.timeouts ? `${r.timeouts} timeouts` : '',
    ...Object.entries(r.errors).map(([why, n]) => `${n}× ${why}`),
    ...Object.entries(r.statuses)
      .filter(([code]) => !code.startsWith('2') && !expected.includes(Number(code)))
      .map(([code, n]) => `${n}× ${code}`),
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
