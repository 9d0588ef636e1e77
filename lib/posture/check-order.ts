import { severityRank } from './scoring';
import type { CheckResult } from './types';

/** Failed checks first (most severe first), then the ones that could not run, then passes. */
export function orderChecksForReview(checks: CheckResult[]): CheckResult[] {
  const group = (c: CheckResult) => (!c.assessed ? 1 : c.findings > 0 ? 0 : 2);
  return [...checks].sort((a, b) => group(a) - group(b) || severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id));
}
