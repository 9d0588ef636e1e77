import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_HEADER } from './preload.mjs';
import { boundaryState } from './state';

// Importing the preload patches every http.Server of this test process, as `node --import` does.
describe('preload.mjs', () => {
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    server = http.createServer((req, res) =>
      res.end(JSON.stringify({ peer: req.headers[PEER_HEADER], raw: req.rawHeaders.filter((h) => h.toLowerCase() === PEER_HEADER).length })),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => void server.close());

  it('answers 503 with the security headers until the request boundary is installed', async () => {
    expect(boundaryState()?.handle).toBeNull();
    const res = await fetch(url, { headers: { [PEER_HEADER]: '10.99.0.7' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it("then replaces a client's own peer header with the socket's address", async () => {
    boundaryState()!.handle = () => false;
    const res = await fetch(url, { headers: { [PEER_HEADER]: '10.99.0.7' } });
    expect(await res.json()).toEqual({ peer: '127.0.0.1', raw: 1 });
  });

  it('refuses, rather than serves, when the boundary itself fails', async () => {
    boundaryState()!.handle = () => {
      throw new Error('broken');
    };
    expect((await fetch(url)).status).toBe(500);
  });
});
