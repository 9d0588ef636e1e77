// How often a rescan may be asked for (POST /api/scan): per client address and per viewer,
// RESCAN_PER_MINUTE each (default 6), and a cluster is listed again at most every
// RESCAN_MIN_INTERVAL seconds (default 10) however many ask: within it, callers get the last
// result (posture-service.ts requestedRescan).
import { createRateLimiter, type RateLimiter } from './auth/rate-limit';

export interface ScanLimits {
  limiter: RateLimiter;
  minIntervalMs: number;
}

const g = globalThis as typeof globalThis & { __kpScanLimits?: ScanLimits };

export function scanLimits(env: Record<string, string | undefined> = process.env): ScanLimits {
  return (g.__kpScanLimits ??= {
    limiter: createRateLimiter(positive(env.RESCAN_PER_MINUTE, 6)),
    minIntervalMs: positive(env.RESCAN_MIN_INTERVAL, 10) * 1000,
  });
}

function positive(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Counts one rescan request against the address and the viewer; the seconds to wait when either is over. */
export function rescanRefusal(limits: ScanLimits, address: string, viewerKey: string, now = Date.now()): number | null {
  const byAddress = limits.limiter.hit(`addr:${address}`, now);
  const byViewer = limits.limiter.hit(`viewer:${viewerKey}`, now);
  if (byAddress.allowed && byViewer.allowed) return null;
  return Math.max(byAddress.allowed ? 0 : byAddress.retryAfterSeconds, byViewer.allowed ? 0 : byViewer.retryAfterSeconds);
}
