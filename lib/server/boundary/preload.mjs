// Loaded before Next.js (`node --import ./lib/server/boundary/preload.mjs …`: npm start, the
// image's CMD), so it sees every request from the first one. It stamps the peer address on each
// request, and until instrumentation.ts has installed the request boundary (request-boundary.ts)
// it answers 503: nothing is served before authentication and its checks are in place.
// Plain JavaScript, no dependencies: it runs before anything is compiled or bundled.
import http from 'node:http';
import https from 'node:https';
import { API_CSP, SECURITY_HEADERS } from './security-headers.mjs';

/** Our own name for the TCP peer's address; whatever a client sends under it is replaced. */
export const PEER_HEADER = 'x-kp-peer-address';
const STATE = Symbol.for('kube-posture.request-boundary');

/**
 * Shared with request-boundary.ts through globalThis (Next.js bundles that code separately).
 * handle(req, res) returns true when it has answered the request itself.
 */
const state = (globalThis[STATE] ??= { preloaded: false, handle: null, refuse });
state.refuse = refuse;

/** Replaces any client-sent peer header, in headers and rawHeaders alike, with the socket's address. */
export function stampPeer(req) {
  delete req.headers[PEER_HEADER];
  const address = req.socket?.remoteAddress;
  if (address) req.headers[PEER_HEADER] = address;
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i].toLowerCase() === PEER_HEADER) raw.splice(i, 2);
  if (address) raw.push(PEER_HEADER, address);
}

/** A JSON refusal with the security headers, closing the connection (an unread body is not read). */
export function refuse(res, status, error, headers = {}) {
  if (res.headersSent) return void res.destroy();
  res.shouldKeepAlive = false;
  const body = JSON.stringify({ error });
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Security-Policy': API_CSP,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
    ...headers,
  });
  res.end(body);
}

/** `forward()` hands the request to Next.js later, for a handler that answered true and then decided to pass it on. */
function onRequest(req, res, forward) {
  stampPeer(req);
  if (!state.handle) {
    refuse(res, 503, 'the server is starting', { 'Retry-After': '2' });
    return true;
  }
  try {
    return state.handle(req, res, forward);
  } catch (e) {
    // A boundary that cannot decide lets nothing through.
    console.error('[boundary] request refused:', e);
    refuse(res, 500, 'the request could not be checked');
    return true;
  }
}

/** Patches http(s).Server emit once; idempotent. */
export function installPreload() {
  if (state.preloaded) return;
  state.preloaded = true;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    proto.emit = function (event, ...args) {
      if (event === 'request' && onRequest(args[0], args[1], () => emit.call(this, event, ...args))) return true;
      if (event === 'upgrade') {
        stampPeer(args[0]);
        if (!state.handle) {
          args[1].destroy();
          return true;
        }
      }
      return emit.call(this, event, ...args);
    };
  }
}

installPreload();
