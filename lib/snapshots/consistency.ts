// An imported document's figures must follow from its findings and checks, as the engine
// derives them (lib/posture/engine.ts, lib/posture/scoring.ts). A document whose findings were
// edited out while its counts and scores stayed would show a cluster better than its own
// findings say; the import refuses it rather than recompute. Scores cannot be recomputed from
// a document: the engine weighs each check by the share of the objects it examined, which the
// document does not keep. What can be held: every count exactly, the area check tallies, the
// cluster score as the mean of the areas', and each score against its severity caps.
import { CRITICAL_CAP, clusterScore, countBySeverity, HIGH_CAP } from '@/lib/posture/scoring';
import type { Finding, PostureDocument, SeverityCounts } from '@/lib/posture/types';
import { isOpen, SEVERITIES } from '@/lib/posture/types';

/** The first figure that does not follow from the findings and checks, as "$.path: why"; null when all do. */
export function figureMismatch(doc: PostureDocument): string | null {
  // Figures count open findings: by-design and accepted ones are listed but left out (lib/posture/triage).
  const open = doc.findings.filter(isOpen);
  const byCheck = groupCount(open, (f) => f.checkId);
  const checkIds = new Set(doc.checks.map((c) => c.id));
  const orphan = doc.findings.findIndex((f) => !checkIds.has(f.checkId));
  if (orphan >= 0) return `$.findings[${orphan}]: its check ${doc.findings[orphan]!.checkId} is not in $.checks`;
  for (const [i, c] of doc.checks.entries()) {
    const n = byCheck.get(c.id) ?? 0;
    if (c.findings !== n || (!c.assessed && n > 0))
      return `$.checks[${i}]: says ${c.findings} findings${c.assessed ? '' : ' (not assessed)'}, but $.findings has ${n}`;
  }
  for (const [i, a] of doc.areas.entries()) {
    const at = `$.areas[${i}]`;
    const counts = countBySeverity(open.filter((f) => f.area === a.id));
    if (!sameCounts(a.counts, counts)) return `${at}: counts ${show(a.counts)}, but $.findings has ${show(counts)} in ${a.id}`;
    const checks = doc.checks.filter((c) => c.area === a.id);
    const tally = {
      total: checks.length,
      passed: checks.filter((c) => c.assessed && c.findings === 0).length,
      failed: checks.filter((c) => c.assessed && c.findings > 0).length,
      notAssessed: checks.filter((c) => !c.assessed).length,
    };
    if ((Object.keys(tally) as (keyof typeof tally)[]).some((k) => a.checks[k] !== tally[k])) return `${at}: check tallies do not match $.checks`;
    const problem = scoreProblem(a.score, counts, tally.passed + tally.failed > 0, tally.failed === 0);
    if (problem) return `${at}: ${problem}`;
  }
  for (const [i, ns] of doc.namespaces.entries()) {
    const counts = countBySeverity(open.filter((f) => namespaceOf(f) === ns.name));
    if (!sameCounts(ns.counts, counts)) return `$.namespaces[${i}]: counts ${show(ns.counts)}, but $.findings has ${show(counts)} in ${ns.name}`;
    const problem = scoreProblem(ns.score, counts, true, total(counts) === 0);
    if (problem) return `$.namespaces[${i}]: ${problem}`;
  }
  const mean = clusterScore(doc.areas.map((a) => a.score));
  if (doc.score !== mean) return `$.score: ${doc.score} is not the mean of the scores in $.areas (${mean})`;
  return null;
}

/** The namespace a finding counts in: its object's, or a Namespace object's own name (engine.ts namespaceOfKey). */
function namespaceOf(f: Finding): string | null {
  return f.resource.namespace ?? (f.resource.kind === 'Namespace' ? f.resource.name : null);
}

function scoreProblem(score: number | null, counts: SeverityCounts, assessed: boolean, clean: boolean): string | null {
  if (!assessed) return score === null ? null : `score ${score}, but no check of it was assessed in $.checks`;
  if (score === null) return 'no score, but $.checks assessed some of its checks';
  if (clean && score !== 100) return `score ${score}, but nothing failed in $.findings (100)`;
  if (counts.critical > 0 && score > CRITICAL_CAP) return `score ${score} with a critical finding open in $.findings (at most ${CRITICAL_CAP})`;
  if (counts.high > 0 && score > HIGH_CAP) return `score ${score} with a high finding open in $.findings (at most ${HIGH_CAP})`;
  return null;
}

function groupCount<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}
const total = (c: SeverityCounts) => SEVERITIES.reduce((n, s) => n + c[s], 0);
const sameCounts = (a: SeverityCounts, b: SeverityCounts) => SEVERITIES.every((s) => a[s] === b[s]);
const show = (c: SeverityCounts) => SEVERITIES.map((s) => `${c[s]} ${s}`).join(', ');
