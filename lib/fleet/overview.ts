// What /fleet shows, from the clusters' summary rows (never their documents): each cluster's
// score, trend, open findings by severity, report age (stale when older than the stale limit),
// labels to filter by, the checks failing in the most clusters, and the fix-first changes across
// them (lib/posture/fleet-fix-first.ts). Pure: the caller gives the time.
import { fleetFixFirst, type FleetFix } from '@/lib/posture/fleet-fix-first';
import { emptyCounts } from '@/lib/posture/scoring';
import type { SeverityCounts } from '@/lib/posture/types';
import type { FleetCluster } from './store';

export interface FleetRow {
  name: string;
  labels: Record<string, string>;
  score: number | null;
  /** Score now minus the score a day before the latest report; null without an older report. */
  trend: number | null;
  counts: SeverityCounts;
  lastReportAt: string | null;
  ageMs: number | null;
  /** No report yet, or the latest is older than the stale limit: the agent may have stopped. */
  stale: boolean;
}

export interface FleetOverview {
  rows: FleetRow[];
  /** Every label key, with the values the visible clusters carry, for the filter. */
  labels: Record<string, string[]>;
  /** Checks failing in the most of the listed clusters, most first. */
  topFailing: { checkId: string; clusters: number }[];
  /** The changes that cut the most attack paths across the listed clusters. */
  fixFirst: FleetFix[];
  total: number;
  stale: number;
}

/** How old a report may be before its agent is flagged: FLEET_STALE_MINUTES, default 15 (three 5-minute rounds). */
export function staleAfterMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.FLEET_STALE_MINUTES);
  return (env.FLEET_STALE_MINUTES && n > 0 ? n : 15) * 60_000;
}

/** Give only the clusters the viewer may see: every figure, label choice and change comes from them. */
export function fleetOverview(clusters: FleetCluster[], opts: { now: number; staleMs: number; filter?: Record<string, string>; top?: number }): FleetOverview {
  const labels: Record<string, Set<string>> = {};
  for (const c of clusters) for (const [k, v] of Object.entries(c.labels)) (labels[k] ??= new Set()).add(v);
  const filter = Object.entries(opts.filter ?? {}).filter(([, v]) => v !== '');
  const listed = clusters.filter((c) => filter.every(([k, v]) => c.labels[k] === v));
  const failing = new Map<string, number>();
  const rows = listed.map((c): FleetRow => {
    for (const id of c.last?.failing ?? []) failing.set(id, (failing.get(id) ?? 0) + 1);
    const ageMs = c.last ? Math.max(0, opts.now - Date.parse(c.last.receivedAt)) : null;
    const old = c.last?.dayBefore ?? null;
    return {
      name: c.name,
      labels: c.labels,
      score: c.last?.score ?? null,
      trend: c.last && old !== null ? c.last.score - old : null,
      counts: c.last?.counts ?? emptyCounts(),
      lastReportAt: c.last?.receivedAt ?? null,
      ageMs,
      stale: ageMs === null || ageMs > opts.staleMs,
    };
  });
  const topFailing = [...failing]
    .map(([checkId, n]) => ({ checkId, clusters: n }))
    .sort((a, b) => b.clusters - a.clusters || a.checkId.localeCompare(b.checkId))
    .slice(0, opts.top ?? 10);
  return {
    rows,
    labels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, [...v].sort()])),
    topFailing,
    fixFirst: fleetFixFirst(
      listed.map((c) => ({ name: c.name, fixes: c.last?.fixes ?? [] })),
      opts.top ?? 10,
    ),
    total: rows.length,
    stale: rows.filter((r) => r.stale).length,
  };
}

/** "just now", "4 min ago", "3 h ago", "2 d ago": a report's age for people. */
export function ageText(ms: number): string {
  const m = Math.floor(ms / 60_000);
  if (m < 1) return 'just now';
  if (m < 60) return `${m} min ago`;
  if (m < 48 * 60) return `${Math.floor(m / 60)} h ago`;
  return `${Math.floor(m / 1440)} d ago`;
}
