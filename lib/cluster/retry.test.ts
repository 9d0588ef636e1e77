import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, withRetries, type Failure } from './retry';

const policy = { maxRetries: 4, baseMs: 100, capMs: 1_000, retryAfterCapMs: 5_000 };
const top = () => 0.999999;

describe('backoff with full jitter', () => {
  it('doubles the ceiling per attempt up to the cap, and draws below it', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffMs(a, top, policy))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffMs(3, () => 0, policy)).toBe(0);
    expect(backoffMs(3, () => 0.5, policy)).toBe(400);
  });
});

describe('retryDelay', () => {
  const s = (status: number, retryAfterSeconds?: number): Failure => ({ type: 'status', status, retryAfterSeconds });
  it('retries 5xx, 429 and transient failures; not 401, 403, 404, 410 or fatal ones', () => {
    for (const f of [s(500), s(503), s(429), { type: 'transient' } as const])
      expect(
        retryDelay(f, 0, () => 0.5, policy),
        JSON.stringify(f),
      ).toBe(50);
    for (const f of [s(401), s(403), s(404), s(410), s(400), { type: 'fatal' } as const])
      expect(
        retryDelay(f, 0, () => 0.5, policy),
        JSON.stringify(f),
      ).toBeNull();
  });
  it('gives up after maxRetries', () => {
    expect(retryDelay(s(500), 3, () => 0.5, policy)).not.toBeNull();
    expect(retryDelay(s(500), 4, () => 0.5, policy)).toBeNull();
  });
  it('honours Retry-After, capped', () => {
    expect(retryDelay(s(429, 2), 0, () => 0.5, policy)).toBe(2_000);
    expect(retryDelay(s(429, 3600), 0, () => 0.5, policy)).toBe(5_000);
    expect(retryDelay(s(429), 1, () => 0.5, policy)).toBe(100);
  });
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('withRetries', () => {
  const classify = (e: unknown): Failure => (e as { failure: Failure }).failure;
  const fail = (failure: Failure) => Object.assign(new Error(JSON.stringify(failure)), { failure });

  it('returns the first success, having slept the backoffs in between', async () => {
    const slept: number[] = [];
    let calls = 0;
    const v = await withRetries(
      async () => {
        if (++calls < 3) throw fail({ type: 'status', status: 503 });
        return 'ok';
      },
      { sleep: async (ms) => void slept.push(ms), random: top, policy, classify },
    );
    expect([v, calls, slept]).toEqual(['ok', 3, [99, 199]]);
  });

  it('stops after 1 + maxRetries attempts and rethrows the last error', async () => {
    let calls = 0;
    const run = withRetries(
      async () => {
        throw fail({ type: 'transient', n: ++calls } as unknown as Failure);
      },
      { sleep: async () => undefined, random: top, policy: DEFAULT_RETRY_POLICY, classify },
    );
    await expect(run).rejects.toThrow(/"n":5/);
    expect(calls).toBe(1 + DEFAULT_RETRY_POLICY.maxRetries);
  });

  it('does not retry what a retry cannot change', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw fail({ type: 'status', status: 403 });
        },
        { sleep: async () => undefined, random: top, policy, classify },
      ),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
