import { describe, expect, it } from 'vitest';
import { createRateLimiter, limiterKey } from './rate-limit';

describe('createRateLimiter', () => {
  it('allows the limit per window and key, then says how long to wait', () => {
    const rl = createRateLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) expect(rl.hit('10.0.0.1', 1_000 + i).allowed).toBe(true);
    expect(rl.hit('10.0.0.1', 11_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(rl.hit('10.0.0.2', 11_000).allowed).toBe(true);
    expect(rl.hit('10.0.0.1', 61_000).allowed).toBe(true);
  });
});

describe('createRateLimiter under an address flood (pen test issue 13, item 10)', () => {
  it('rate-limit keeps the guesser counted when 10,001 other addresses send one attempt each', () => {
    const rl = createRateLimiter(5, 60_000, 10_000);
    for (let i = 0; i < 5; i++) rl.hit('203.0.113.7', 1_000);
    expect(rl.hit('203.0.113.7', 1_000).allowed).toBe(false);
    for (let i = 0; i <= 10_000; i++) rl.hit(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 2_000);
    // Room was made by dropping the oldest of the others, never the counter that is over its limit.
    expect(rl.hit('203.0.113.7', 2_001).allowed).toBe(false);
  });

  it('rate-limit evicts the oldest window only, one at a time', () => {
    const rl = createRateLimiter(1, 60_000, 3);
    rl.hit('a', 0);
    rl.hit('b', 1);
    rl.hit('c', 2);
    expect(rl.hit('b', 3).allowed).toBe(false);
    rl.hit('d', 4); // full: 'a' (the oldest within its limit) goes; 'b' (over it) and 'c' stay counted
    expect(rl.hit('b', 5).allowed).toBe(false);
    expect(rl.hit('c', 5).allowed).toBe(false);
    expect(rl.hit('a', 6).allowed).toBe(true);
  });

  it('rate-limit counts IPv6 addresses per /64: rotating the interface id does not buy more guesses', () => {
    const rl = createRateLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) expect(rl.hit(`2001:db8:1:2::${(i + 1).toString(16)}`, 0).allowed).toBe(true);
    expect(rl.hit('2001:db8:1:2:ffff:ffff:ffff:ffff', 0).allowed).toBe(false);
    expect(rl.hit('[2001:db8:1:2::99]', 0).allowed).toBe(false);
    expect(rl.hit('2001:db8:1:3::1', 0).allowed).toBe(true); // another /64
    expect(limiterKey('addr:2001:db8:1:2::5')).toBe(limiterKey('addr:2001:db8:1:2:a:b:c:d'));
    expect(limiterKey('::ffff:10.0.0.1')).not.toBe(limiterKey('::ffff:10.0.0.2'));
    expect(limiterKey('10.0.0.1')).toBe('10.0.0.1');
  });
});
