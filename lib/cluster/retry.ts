// When to retry a request to the API server, and how long to wait: bounded attempts,
// exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
// Jitter"), and Retry-After honoured up to a cap. Pure: the clock and the dice are injected.

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseMs: number;
  /** The most one backoff may wait. */
  capMs: number;
  /** The most a server's Retry-After may make us wait. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, baseMs: 250, capMs: 4_000, retryAfterCapMs: 10_000 };

/** What went wrong with one attempt, as far as retrying cares. */
export type Failure =
  | { type: 'status'; status: number; retryAfterSeconds?: number }
  /** The connection reset, or the body stopped or was not JSON: a healthy retry usually reads it. */
  | { type: 'transient' }
  /** Anything else (timeouts, refused connections, a bug): retrying would only add delay. */
  | { type: 'fatal' };

/** Full jitter: a uniform wait between 0 and min(cap, base * 2^attempt). */
export function backoffMs(attempt: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before retry number `attempt` (0-based) after `failure`, or null to give up.
 * 5xx, 429 and transient failures are retried; other statuses (401, 403, 404, 410) mean something
 * a retry cannot change.
 */
export function retryDelay(failure: Failure, attempt: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number | null {
  if (attempt >= policy.maxRetries) return null;
  if (failure.type === 'fatal') return null;
  if (failure.type === 'status') {
    if (failure.status === 429) {
      const after = failure.retryAfterSeconds;
      if (after !== undefined && Number.isFinite(after) && after >= 0) return Math.min(after * 1000, policy.retryAfterCapMs);
      return backoffMs(attempt, random, policy);
    }
    if (failure.status < 500 || failure.status > 599) return null;
  }
  return backoffMs(attempt, random, policy);
}

/** Retry-After as seconds: a number of seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  policy?: RetryPolicy;
  classify: (e: unknown) => Failure;
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

/** Runs `attempt` until it succeeds or retryDelay gives up; rethrows the last error. */
export async function withRetries<T>(attempt: () => Promise<T>, deps: RetryDeps): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      const delay = retryDelay(deps.classify(e), n, deps.random, deps.policy);
      if (delay === null) throw e;
      deps.onRetry?.(e, n, delay);
      await deps.sleep(delay);
    }
  }
}
