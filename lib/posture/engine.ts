// Inventory -> posture document. Pure: no I/O, no clock unless given one.
import type { Inventory, ResourceKey } from '../cluster/inventory';
import { AREAS } from './areas';
import { isNotAssessed, type Check } from './check';
import { detectCoverage } from './coverage/detect';
import { namespaceDefaultDeny, namespaceObjects, namespacePodSecurity } from './namespace-summary';
import { ALL_CHECKS } from './registry';
import { areaScore, clusterScore, countBySeverity, passRatio, severityRank, type ScoredCheck } from './scoring';
import { SCHEMA_VERSION, type AreaSummary, type CheckResult, type Finding, type NamespaceSummary, type PostureDocument, type ResourceRef } from './types';

interface Evaluated {
  check: Check;
  result: CheckResult;
  findings: Finding[];
  /** Keys of the objects the check examined, when it says (see Check.examines). */
  scope: string[] | null;
}

export function computePosture(inv: Inventory, opts: { now?: Date; checks?: readonly Check[] } = {}): PostureDocument {
  const evaluated = (opts.checks ?? ALL_CHECKS).map((c) => runCheck(c, inv));
  const findings = evaluated.flatMap((e) => e.findings).sort(compareFindings);
  const coverage = detectCoverage(inv);

  const areas: AreaSummary[] = AREAS.map((meta) => {
    const mine = evaluated.filter((e) => e.check.area === meta.id);
    const counts = countBySeverity(findings.filter((f) => f.area === meta.id));
    return {
      id: meta.id,
      kind: meta.kind,
      title: meta.title,
      score: areaScore(
        mine.map((e) => scoreWithin(e, () => true)),
        counts,
      ),
      counts,
      coverage: meta.kind === 'uncovered' ? (coverage[meta.id] ?? { status: 'not-covered', tools: [] }) : null,
      checks: {
        total: mine.length,
        passed: mine.filter((e) => e.result.assessed && e.findings.length === 0).length,
        failed: mine.filter((e) => e.findings.length > 0).length,
        notAssessed: mine.filter((e) => !e.result.assessed).length,
      },
    };
  });

  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: (opts.now ?? new Date()).toISOString(),
    cluster: { ...inv.cluster },
    score: clusterScore(areas.map((a) => a.score)),
    areas,
    namespaces: summariseNamespaces(inv, evaluated, findings),
    findings,
    checks: evaluated.map((e) => e.result),
    missingKinds: Object.entries(inv.missing).map(([resource, m]) => ({ resource, reason: m!.reason, detail: m!.detail })),
  };
}

function runCheck(check: Check, inv: Inventory): Evaluated {
  const base = { id: check.id, area: check.area, severity: check.severity, title: check.title };
  const missingNeed = check.needs.find((k: ResourceKey) => inv.missing[k]);
  if (missingNeed) return notRun(check, base, inv.missing[missingNeed]!.detail);
  let outcome;
  try {
    outcome = check.evaluate(inv);
  } catch (e) {
    // A check that breaks must never read as a pass.
    return notRun(check, base, `the check failed on this input: ${(e as Error).message}`);
  }
  if (isNotAssessed(outcome)) return notRun(check, base, outcome.notAssessed);
  const findings: Finding[] = outcome.map((f) => ({
    checkId: check.id,
    area: check.area,
    severity: f.severity ?? check.severity,
    title: check.title,
    message: f.message,
    remediation: f.remediation ?? check.remediation,
    resource: f.resource,
  }));
  const scope = check.examines ? [...new Set(check.examines(inv).map(refKey))] : null;
  return { check, result: { ...base, assessed: true, findings: findings.length }, findings, scope };
}

function notRun(check: Check, base: Omit<CheckResult, 'assessed' | 'findings'>, reason: string): Evaluated {
  return { check, result: { ...base, assessed: false, reason, findings: 0 }, findings: [], scope: null };
}

function refKey(r: ResourceRef): string {
  return `${r.kind}/${r.namespace ?? ''}/${r.name}`;
}

/** The namespace a finding or examined object belongs to; a Namespace object belongs to itself. */
function namespaceOfKey(key: string): string | null {
  const [kind, ns, name] = key.split('/', 3) as [string, string, string];
  return kind === 'Namespace' ? name : ns || null;
}

/** How a check scores over the objects `inScope` accepts: all of them, or one namespace's. */
function scoreWithin(e: Evaluated, inScope: (key: string) => boolean): ScoredCheck {
  const failing = new Set(e.findings.map((f) => refKey(f.resource)).filter(inScope));
  if (!e.scope) return { severity: e.check.severity, assessed: e.result.assessed, passRatio: failing.size > 0 ? 0 : 1 };
  const examined = e.scope.filter(inScope).length;
  return { severity: e.check.severity, assessed: e.result.assessed, passRatio: passRatio(failing.size, examined) };
}

/**
 * A namespace's score: every assessed check that examined something in the namespace (or
 * found something there), over that namespace's share of the objects.
 */
function summariseNamespaces(inv: Inventory, evaluated: Evaluated[], findings: Finding[]): NamespaceSummary[] {
  // Group once by namespace: a namespace-by-namespace scan of every finding and scope would
  // be quadratic on large clusters.
  const findingsByNs = groupBy(findings, (f) => namespaceOfKey(refKey(f.resource)));
  const perCheck = evaluated
    .filter((e) => e.result.assessed)
    .map((e) => ({
      e,
      examined: e.scope ? countBy(e.scope, namespaceOfKey) : null,
      failing: groupBy([...new Set(e.findings.map((f) => refKey(f.resource)))], namespaceOfKey),
    }));
  const names = new Set([...inv.objects.namespaces.map((n) => n.metadata.name), ...inv.implicitNamespaces, ...findingsByNs.keys()]);
  const objects = namespaceObjects(inv);
  const podSecurity = namespacePodSecurity(inv);
  const defaultDeny = namespaceDefaultDeny(inv);

  return [...names].sort().map((name) => {
    const scored: ScoredCheck[] = [];
    for (const { e, examined, failing } of perCheck) {
      const failed = failing.get(name)?.length ?? 0;
      const inScope = examined ? (examined.get(name) ?? 0) : failed > 0 ? failed : 0;
      if (inScope === 0) continue;
      scored.push({ severity: e.check.severity, assessed: true, passRatio: examined ? passRatio(failed, inScope) : 0 });
    }
    const counts = countBySeverity(findingsByNs.get(name) ?? []);
    return {
      name,
      score: areaScore(scored, counts) ?? 100,
      counts,
      podSecurity: podSecurity(name),
      objects: objects(name),
      defaultDeny: defaultDeny(name),
    };
  });
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}

function countBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

// localeCompare() with no locale, without building a collator on each of the ~n log n calls.
const collate = new Intl.Collator().compare;

function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    collate(a.area, b.area) ||
    collate(a.checkId, b.checkId) ||
    collate(a.resource.namespace ?? '', b.resource.namespace ?? '') ||
    collate(a.resource.kind, b.resource.kind) ||
    collate(a.resource.name, b.resource.name) ||
    collate(a.message, b.message)
  );
}
