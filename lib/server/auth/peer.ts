// The address of whoever opened the TCP connection. Next.js gives handlers no socket, and
// X-Forwarded-For is whatever the client wrote, so instrumentation.ts stamps the socket's
// address on every request under a name of our own, overwriting any value a client sent.
import http from 'node:http';
import https from 'node:https';

export const PEER_HEADER = 'x-kp-peer-address';

const g = globalThis as typeof globalThis & { __kpPeerPatched?: boolean };

export function installPeerAddressHeader(): void {
  if (g.__kpPeerPatched) return;
  g.__kpPeerPatched = true;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') stampPeer(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
}

export function stampPeer(req: http.IncomingMessage): void {
  delete req.headers[PEER_HEADER];
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = address;
  // rawHeaders is what some layers rebuild headers from: keep it in step.
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === PEER_HEADER) raw.splice(i, 2);
  if (address) raw.push(PEER_HEADER, address);
}
