// Which Host names the server answers to. A page on an attacker's domain can point that name at
// the dashboard's address (DNS rebinding) and then read it as its own origin; its requests still
// carry the attacker's name, so they are refused here. An IP address cannot be rebound: a browser
// sends one only to that very address.
import { isIP } from 'node:net';
import type { AuthMode } from '../auth/config';

export interface HostPolicy {
  /** False: every Host is answered (token and proxy modes without ALLOWED_HOSTS: a foreign name carries no credentials). */
  enforce: boolean;
  names: ReadonlySet<string>;
  /** From `*.example.com` entries: '.example.com'. */
  suffixes: readonly string[];
}

export class AllowedHostsError extends Error {
  override name = 'AllowedHostsError';
}

const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;
// A Host header is a name or an address, and a port: nothing else (no userinfo, no path).
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/;

/**
 * AUTH_MODE=none always checks (loopback names, the address it was told to bind, ALLOWED_HOSTS);
 * the other modes check when ALLOWED_HOSTS is set. Throws AllowedHostsError on a malformed entry.
 */
export function hostPolicy(mode: AuthMode, allowedHosts: string | undefined, boundHosts: readonly (string | null)[]): HostPolicy {
  const names = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of (allowedHosts ?? '').split(',')) {
    const entry = raw.trim().toLowerCase().replace(/\.$/, '');
    if (!entry) continue;
    const wildcard = entry.startsWith('*.');
    const name = wildcard ? entry.slice(2) : entry;
    if (!NAME.test(name) && !isIP(name.replace(/^\[(.*)\]$/, '$1')))
      throw new AllowedHostsError(`ALLOWED_HOSTS: "${raw.trim()}" is not a host name (e.g. posture.example.com or *.example.com)`);
    if (wildcard) suffixes.push(`.${name}`);
    else names.add(name);
  }
  for (const h of boundHosts) if (h && !isIP(h)) names.add(h.toLowerCase());
  return { enforce: mode === 'none' || Boolean(allowedHosts?.trim()), names, suffixes };
}

/** The name in a Host header: lower case, without port, brackets or a trailing dot; null if it is not a host. */
export function hostName(header: string | undefined): string | null {
  const m = HOST_HEADER.exec((header ?? '').trim().toLowerCase());
  if (!m) return null;
  return m[1]!.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '') || null;
}

export function hostAllowed(header: string | undefined, policy: HostPolicy): boolean {
  if (!policy.enforce) return true;
  const name = hostName(header);
  if (!name) return false;
  if (isIP(name) || name === 'localhost' || name.endsWith('.localhost')) return true;
  return policy.names.has(name) || policy.suffixes.some((s) => name.endsWith(s));
}
