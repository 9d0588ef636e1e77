import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('allows the limit per window and key, then says how long to wait', () => {
    const rl = createRateLimiter(5, 60_000);
    for (let i = 0; i < 5; i++) expect(rl.hit('10.0.0.1', 1_000 + i).allowed).toBe(true);
    expect(rl.hit('10.0.0.1', 11_000)).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(rl.hit('10.0.0.2', 11_000).allowed).toBe(true);
    expect(rl.hit('10.0.0.1', 61_000).allowed).toBe(true);
  });
});
