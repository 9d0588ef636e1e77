// All scoring lives here. A score is 0-100: the severity-weighted share of assessed checks
// that pass. Checks that could not run are left out (they neither help nor hurt); an area
// with no assessed check has no score rather than a perfect one.
import type { Severity, SeverityCounts } from './types';
import { SEVERITIES } from './types';

export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1, info: 0 };

export interface ScoredCheck {
  severity: Severity;
  assessed: boolean;
  /** 1 when the check passes, 0 when it fails everywhere, in between when it fails on a share of what it examined. */
  passRatio: number;
}

export function weightedScore(checks: ScoredCheck[]): number | null {
  let total = 0;
  let earned = 0;
  for (const c of checks) {
    if (!c.assessed) continue;
    const w = SEVERITY_WEIGHT[c.severity];
    total += w;
    earned += w * clamp01(c.passRatio);
  }
  if (total === 0) return checks.some((c) => c.assessed) ? 100 : null;
  return Math.round((100 * earned) / total);
}

/**
 * The share of what passes says how much is right, not how exposed you are: one open
 * critical finding is a way in however many objects pass. So an open critical caps a score
 * in the "poor" band and an open high in the "fair" band.
 */
export const CRITICAL_CAP = 49;
export const HIGH_CAP = 79;

/** An area's (or a namespace's) score: weighted as above, capped while severe findings are open. */
export function areaScore(checks: ScoredCheck[], counts: SeverityCounts): number | null {
  const s = weightedScore(checks);
  if (s === null) return null;
  if (counts.critical > 0) return Math.min(s, CRITICAL_CAP);
  if (counts.high > 0) return Math.min(s, HIGH_CAP);
  return s;
}

/** Pass ratio of a check that failed on `failed` of `examined` objects; binary when the scope is unknown. */
export function passRatio(failed: number, examined: number | undefined): number {
  if (failed === 0) return 1;
  if (examined === undefined || examined <= 0) return 0;
  return 1 - Math.min(failed, examined) / examined;
}

/** The cluster score: the mean of the areas that have one. */
export function clusterScore(areaScores: (number | null)[]): number {
  const known = areaScores.filter((s): s is number => s !== null);
  if (known.length === 0) return 0;
  return Math.round(known.reduce((a, b) => a + b, 0) / known.length);
}

export type ScoreBand = 'poor' | 'fair' | 'good';
export function scoreBand(score: number): ScoreBand {
  return score < 50 ? 'poor' : score < 80 ? 'fair' : 'good';
}

export function emptyCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

export function countBySeverity(items: readonly { severity: Severity }[]): SeverityCounts {
  const c = emptyCounts();
  // Indexed: for…of here allocated an iterator result per finding (50,000 per re-run check).
  for (let i = 0; i < items.length; i++) c[items[i]!.severity]++;
  return c;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}
