// A fixed-window counter per key (the client address) for sign-in attempts and rescans: enough
// to make guessing tokens through the form pointless, small enough to keep in memory. When the
// table is full the oldest windows are dropped, one at a time, and never a key that is over its
// limit while others are not: a flood of fresh addresses cannot wipe the counter of the address
// that is guessing. IPv6 addresses count per /64, the block one client usually holds.
import { isIPv6 } from 'node:net';
import { ipBytes } from './cidr';

export interface RateLimiter {
  /** Counts an attempt; `retryAfterSeconds` is set when the key is over its limit. */
  hit(key: string, now?: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

type Window = { start: number; count: number };

export function createRateLimiter(limit: number, windowMs = 60_000, maxKeys = 10_000): RateLimiter {
  // Insertion order is age order: a key is (re)inserted whenever its window starts.
  const under = new Map<string, Window>(); // within their limit
  const over = new Map<string, Window>(); // refused until their window ends
  const evictOldest = (m: Map<string, Window>) => m.delete(m.keys().next().value!);
  return {
    hit(rawKey, now = Date.now()) {
      const key = limiterKey(rawKey);
      let w = over.get(key) ?? under.get(key);
      if (!w || now - w.start >= windowMs) {
        over.delete(key);
        under.delete(key);
        while (under.size + over.size >= maxKeys) evictOldest(under.size > 0 ? under : over);
        w = { start: now, count: 0 };
        under.set(key, w);
      }
      w.count++;
      if (w.count <= limit) return { allowed: true };
      if (under.delete(key)) over.set(key, w);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
    },
  };
}

/** The key an address is counted under: IPv6 by its /64 prefix. Keys may start with a "kind:" label (scan-limit.ts). */
export function limiterKey(key: string): string {
  const m = /^([a-z]+:)(.*)$/.exec(key);
  const [label, address] = m && !isIPv6(key) ? [m[1]!, m[2]!] : ['', key];
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (!isIPv6(bare)) return key;
  const bytes = ipBytes(bare);
  // IPv4-mapped addresses (::ffff:a.b.c.d) are one IPv4 client each.
  if (!bytes || bytes.slice(0, 12).every((b, i) => b === (i >= 10 ? 0xff : 0))) return key;
  return `${label}${bytes
    .slice(0, 8)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')}::/64`;
}
