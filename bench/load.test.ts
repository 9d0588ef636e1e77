// The bench's viewer client against a real node:http server: every way an answer can end is read
// to its end and counted, and a kept-alive connection the server closed meanwhile is sent again.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from './load';

let server: http.Server;
let url = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = Buffer.alloc(70_000, 'x');
    if (req.url === '/length') res.writeHead(200, { 'content-length': body.length }).end(body);
    else if (req.url === '/chunked') {
      res.writeHead(200);
      res.write(body.subarray(0, 30_000));
      setTimeout(() => res.end(body.subarray(30_000)), 2);
    } else if (req.url === '/304') res.writeHead(304, { etag: '"a"' }).end();
    else if (req.url === '/close') res.writeHead(200, { connection: 'close' }).end('bye');
    else if (req.url === '/then-idle-close') {
      // Answered as kept alive, then closed as if idle just as the client reuses it.
      res.writeHead(200, { 'content-length': 2 }).end('ok');
      res.once('finish', () => setTimeout(() => req.socket.destroy(), 5));
    } else if (req.url === '/slow') setTimeout(() => res.end('late'), 3000);
    else res.writeHead(404, { 'content-length': 2 }).end('no');
  });
  // The server closes idle kept-alive connections quickly, as Node's does after 5 s.
  server.keepAliveTimeout = 30;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('bench viewers (load.ts over http1.ts)', () => {
  it('reads Content-Length, chunked, 304 and close-delimited answers to the end', async () => {
    const seen: number[] = [];
    const r = await load(url, [{ path: '/length' }, { path: '/chunked' }, { path: '/304', onResponse: (s) => seen.push(s) }, { path: '/close' }, { path: '/missing' }], {
      connections: 3,
      durationS: 0.3,
      timeoutS: 2,
    });
    expect(r.timeouts).toBe(0);
    expect(r.errors).toEqual({});
    expect(r.statuses[200]).toBeGreaterThan(4);
    expect(r.statuses[304]).toBe(seen.length);
    expect(r.statuses[404]).toBeGreaterThan(0);
    // Each 200 of /length and /chunked is 70,000 bytes; /close 3; the 404 2; 304 none.
    const perCycle = 70_000 * 2 + 3 + 2;
    expect(r.bytes % perCycle === 0 || r.bytes > perCycle).toBe(true);
    expect(r.clientCpuMs).toBeGreaterThan(0);
  });

  it('sends a request again when the server closed the idle kept-alive connection', async () => {
    let calls = 0;
    const r = await load(url, [{ path: '/then-idle-close', onResponse: () => void calls++ }], { connections: 1, durationS: 0.3, timeoutS: 2 });
    expect(r.errors).toEqual({});
    expect(r.responses).toBe(calls);
    expect(r.responses).toBeGreaterThan(1);
    expect(r.retried).toBeGreaterThan(0);
  });

  it('counts a request that outlives its timeout as a timeout, not an answer', async () => {
    const r = await load(url, [{ path: '/slow' }], { connections: 2, durationS: 0.1, timeoutS: 0.5 });
    expect(r.timeouts).toBe(2);
    expect(r.responses).toBe(0);
  });
});
