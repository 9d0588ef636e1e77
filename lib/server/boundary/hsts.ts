// Strict-Transport-Security, only when the browser really reached us over TLS: a TLS socket of our
// own, or X-Forwarded-Proto: https from a proxy we trust (AUTH_PROXY_TRUSTED_CIDRS). Never over
// plain http, where the header would be a client's word.
import { inCidrs, type Cidr } from '../auth/cidr';

/** One year; not includeSubDomains: the dashboard speaks for its own name only. */
export const HSTS = 'max-age=31536000';

export function reachedOverTls(encrypted: boolean, forwardedProto: string | string[] | undefined, peer: string | undefined, trusted: readonly Cidr[]): boolean {
  if (encrypted) return true;
  const proto = (Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto)?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' && inCidrs(peer ?? null, trusted);
}
