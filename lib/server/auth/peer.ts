// The address of whoever opened the TCP connection. Next.js gives handlers no socket, and
// X-Forwarded-For is whatever the client wrote, so the request boundary's preload
// (lib/server/boundary/preload.mjs) stamps the socket's address on every request under a name of
// our own, overwriting any value a client sent, from the first request on.
export const PEER_HEADER = 'x-kp-peer-address';
