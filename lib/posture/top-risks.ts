import { severityRank } from './scoring';
import type { Finding } from './types';

/**
 * The findings to show first: most severe first, and within a severity one per check before
 * a second of any, so twenty vulnerable images do not hide the one cluster-admin binding.
 */
export function topRisks(findings: readonly Finding[], limit: number): Finding[] {
  const seen = new Set<string>();
  const keyed = findings.map((f, i) => {
    const repeat = seen.has(f.checkId);
    seen.add(f.checkId);
    return { f, i, repeat };
  });
  keyed.sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || Number(a.repeat) - Number(b.repeat) || a.i - b.i);
  return keyed.slice(0, limit).map((k) => k.f);
}
