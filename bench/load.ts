// The bench's viewers: `connections` keep-alive connections, each sending its requests in turn
// for `durationS` and reading every body to the end, as bytes. A browser decompresses natively;
// autocannon (used before) turned every body chunk into a JS string, ~11 MB/s for a compressed
// (binary) body on this machine, so 200 viewers of a 1.8 MB answer measured the client, not the
// server. Bodies are counted, not decompressed: that is the viewer's machine's work, not the server's.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LoadRequest {
  path: string;
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
}

export async function load(url: string, requests: LoadRequest[], opts: { connections: number; durationS: number; timeoutS: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  const result: LoadResult = { responses: 0, p50: 0, p99: 0, max: 0, timeouts: 0, errors: {}, statuses: {}, bytes: 0, retried: 0 };
  const end = performance.now() + opts.durationS * 1000;
  const one = (r: LoadRequest, retry = true) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const fail = (why: string) => {
        // A kept-alive connection the server closed as idle just as it was reused: a browser sends
        // the request again on a new connection, and so does this (Node's documented pattern).
        if (retry && req.reusedSocket && !answered && (why === 'socket hang up' || why.includes('ECONNRESET'))) {
          result.retried++;
          return void one(r, false).then(resolve);
        }
        if (why === 'timeout') result.timeouts++;
        else {
          const kind = `${why} (${req.reusedSocket ? 'kept-alive' : 'new'} connection, ${answered ? 'in the body' : 'before the answer'})`;
          result.errors[kind] = (result.errors[kind] ?? 0) + 1;
        }
        resolve();
      };
      let answered = false;
      const req = http.get(`${url}${r.path}`, { agent, headers: r.headers }, (res) => {
        answered = true;
        res.on('data', (c: Buffer) => (result.bytes += c.length));
        res.on('error', (e) => fail(e.message));
        res.on('end', () => {
          if (!res.complete) return fail('body cut short');
          const status = res.statusCode ?? 0;
          result.responses++;
          result.statuses[status] = (result.statuses[status] ?? 0) + 1;
          if (status < 400) latencies.push(performance.now() - started);
          r.onResponse?.(status);
          resolve();
        });
      });
      req.setTimeout(opts.timeoutS * 1000, () => req.destroy(new Error('timeout')));
      req.on('error', (e) => fail(e.message));
    });
  // Requests under way when the time is up are waited for (up to their timeout) and counted.
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, c) => {
      for (let i = c; performance.now() < end; i++) await one(requests[i % requests.length]!);
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { ...result, p50: at(0.5), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0) };
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
