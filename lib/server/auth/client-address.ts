// Whom to count sign-in attempts against. Behind an ingress every request comes from the
// ingress pod, so when the peer is a trusted proxy (AUTH_PROXY_TRUSTED_CIDRS) the client is
// the last X-Forwarded-For entry, the one that proxy appended; otherwise the peer itself.
import type { HeaderSource } from './authenticate';
import { inCidrs, type Cidr } from './cidr';
import { PEER_HEADER } from './peer';

export function clientAddress(headers: HeaderSource, trustedProxies: readonly Cidr[]): string {
  const peer = headers.get(PEER_HEADER) ?? 'unknown';
  if (!inCidrs(peer, trustedProxies)) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? peer;
}
