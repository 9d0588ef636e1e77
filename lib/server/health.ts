// What /healthz and /readyz answer, as pure functions of the state the server holds, so the
// rules are tested without a server. Reasons are short and carry no raw error text: the
// probes answer anyone who can reach the pod, before any authentication.

export interface ScanState {
  /** When the newest successful scan finished (ms since epoch); null before the first. */
  lastGoodAt: number | null;
  /** Why the latest scan failed; null when it succeeded or none finished yet. */
  error: string | null;
  /** A scan is running now. */
  scanning: boolean;
}

export type StoreState = { ok: true } | { ok: false; reason: string };

export interface Probe {
  ok: boolean;
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { cluster: Probe; store: Probe };
}

export function liveness(uptimeSeconds: number = process.uptime()): { status: 'ok'; uptimeSeconds: number } {
  return { status: 'ok', uptimeSeconds: Math.round(uptimeSeconds) };
}

/**
 * The cluster counts as reachable when the latest scan succeeded, or when it failed but the
 * last good scan is still within one refresh interval (one blip does not pull the pod out
 * of the Service).
 */
export function clusterProbe(scan: ScanState, now: number, intervalMs: number): Probe {
  if (scan.lastGoodAt === null) {
    if (scan.error) return { ok: false, reason: 'cluster unreachable: no scan has succeeded yet, the latest failed' };
    return { ok: false, reason: scan.scanning ? 'first cluster scan still running' : 'no cluster scan yet' };
  }
  if (!scan.error) return { ok: true };
  const age = Math.max(0, Math.round((now - scan.lastGoodAt) / 1000));
  const limit = Math.round(intervalMs / 1000);
  if (now - scan.lastGoodAt <= intervalMs) return { ok: true, reason: `latest scan failed; last good scan ${age}s ago is within ${limit}s` };
  return { ok: false, reason: `cluster unreachable: latest scan failed and the last good scan is ${age}s old (limit ${limit}s)` };
}

export function assessReadiness(input: { scan: ScanState; store: StoreState; now: number; intervalMs: number }): Readiness {
  const cluster = clusterProbe(input.scan, input.now, input.intervalMs);
  const store: Probe = input.store.ok ? { ok: true } : { ok: false, reason: input.store.reason };
  return { ready: cluster.ok && store.ok, checks: { cluster, store } };
}
