import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { installPeerAddressHeader, PEER_HEADER } from './peer';

describe('installPeerAddressHeader', () => {
  it("replaces a client's own peer header with the socket's address", async () => {
    installPeerAddressHeader();
    const server = http.createServer((req, res) =>
      res.end(JSON.stringify({ peer: req.headers[PEER_HEADER], raw: req.rawHeaders.filter((h) => h.toLowerCase() === PEER_HEADER).length })),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: '10.99.0.7' } });
      expect(await res.json()).toEqual({ peer: '127.0.0.1', raw: 1 });
    } finally {
      server.close();
    }
  });
});
