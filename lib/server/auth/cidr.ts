// IPv4 and IPv6 CIDR matching for the trusted-proxy list. IPv4-mapped IPv6 addresses
// (::ffff:10.0.0.1, what a dual-stack socket reports) match IPv4 ranges.
import { isIPv4, isIPv6 } from 'node:net';

export interface Cidr {
  bytes: number[];
  bits: number;
}

function ipv4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

function ipv6Bytes(ip: string): number[] | null {
  let s = ip;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.')) {
    const v4 = s.slice(lastColon + 1);
    if (!isIPv4(v4)) return null;
    tail = ipv4Bytes(v4);
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = s.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const hi = parse(head);
  const lo = rest === undefined ? [] : parse(rest);
  const groups = rest === undefined ? hi : [...hi, ...Array(8 - hi.length - lo.length).fill(0), ...lo];
  if (groups.length !== 8) return null;
  const bytes = groups.flatMap((g) => [(g >> 8) & 0xff, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The address as 16 bytes (IPv4 as IPv4-mapped IPv6), or null when it is not an IP address. */
export function ipBytes(ip: string): number[] | null {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return [...Array(10).fill(0), 0xff, 0xff, ...ipv4Bytes(bare)];
  if (isIPv6(bare)) return ipv6Bytes(bare);
  return null;
}

export function parseCidr(text: string): Cidr | null {
  const [ip, prefix] = text.trim().split('/') as [string, string | undefined];
  const bytes = ipBytes(ip);
  if (!bytes) return null;
  const v4 = isIPv4(ip);
  const max = v4 ? 32 : 128;
  const n = prefix === undefined ? max : /^\d+$/.test(prefix) ? Number(prefix) : NaN;
  if (!(n >= 0 && n <= max)) return null;
  return { bytes, bits: v4 ? 96 + n : n };
}

export function inCidrs(ip: string | null | undefined, cidrs: readonly Cidr[]): boolean {
  if (!ip) return false;
  const bytes = ipBytes(ip);
  if (!bytes) return false;
  return cidrs.some((c) => {
    for (let bit = 0; bit < c.bits; bit++) {
      const i = bit >> 3;
      const mask = 0x80 >> (bit & 7);
      if ((bytes[i]! & mask) !== (c.bytes[i]! & mask)) return false;
    }
    return true;
  });
}
