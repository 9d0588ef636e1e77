// One viewer's share of a posture: only the namespaces they may see. Pure.
// Scores that weigh every object in the cluster (area scores) cannot be split by namespace
// from the document, so they are withheld (null) rather than shown for objects the viewer may
// not see; the overall score becomes the mean of the visible namespaces' scores, and
// `view.restrictedTo` says the document is a restricted view. Coverage evidence that names an
// object of a namespace the viewer may not see says only its kind (restrictEvidence).
import { restrictAttackPaths } from './attack-paths-view';
import { isOpen, SEVERITIES, type AreaSummary, type Finding, type PostureDocument, type SeverityCounts } from './types';

function zeroCounts(): SeverityCounts {
  return Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
}

/** The namespace a finding belongs to: its object's namespace, or the Namespace object itself. */
export function findingNamespace(f: Finding): string | null {
  if (f.resource.namespace) return f.resource.namespace;
  return f.resource.kind === 'Namespace' ? f.resource.name : null;
}

export function restrictToNamespaces(doc: PostureDocument, allowed: Iterable<string>): PostureDocument {
  const visible = new Set(allowed);
  const findings = doc.findings.filter((f) => {
    const ns = findingNamespace(f);
    return ns !== null && visible.has(ns);
  });
  const namespaces = doc.namespaces.filter((n) => visible.has(n.name));
  const perCheck = new Map<string, number>();
  // Counts are of open findings; by-design and accepted ones stay listed (lib/posture/triage).
  for (const f of findings) if (isOpen(f)) perCheck.set(f.checkId, (perCheck.get(f.checkId) ?? 0) + 1);
  const checks = doc.checks.map((c) => {
    const seen = { ...c, findings: c.assessed ? (perCheck.get(c.id) ?? 0) : c.findings };
    if (!c.notAssessedFor) return seen;
    const mine = c.notAssessedFor.filter((o) => visible.has((o.resource.namespace ?? (o.resource.kind === 'Namespace' ? o.resource.name : null)) ?? ''));
    const { notAssessedFor: _all, ...rest } = seen;
    return mine.length ? { ...rest, notAssessedFor: mine } : rest;
  });
  const areas = doc.areas.map((a) => {
    const counts = zeroCounts();
    for (const f of findings) if (f.area === a.id && isOpen(f)) counts[f.severity]++;
    const mine = checks.filter((c) => c.area === a.id);
    const assessed = mine.filter((c) => c.assessed);
    const failed = assessed.filter((c) => c.findings > 0).length;
    return {
      ...a,
      coverage: restrictCoverage(a.coverage, visible),
      score: null,
      counts,
      checks: { total: mine.length, passed: assessed.length - failed, failed, notAssessed: mine.length - assessed.length },
    };
  });
  const score = namespaces.length ? Math.round(namespaces.reduce((s, n) => s + n.score, 0) / namespaces.length) : 100;
  return {
    ...doc,
    score,
    areas,
    namespaces,
    findings,
    checks,
    ...(doc.attackPaths ? { attackPaths: restrictAttackPaths(doc.attackPaths, visible) } : {}),
    view: { restrictedTo: [...visible].filter((n) => namespaces.some((x) => x.name === n)).sort() },
  };
}

/**
 * Coverage evidence as a namespace viewer may read it: "DaemonSet falco/falco (image …)" or a
 * webhook's "(service ns/name)" keep their namespace and name only for a visible namespace;
 * otherwise only the kind is said. Cluster-scoped evidence (a CRD, a webhook configuration) stays.
 */
export function restrictEvidence(evidence: string, visible: ReadonlySet<string>): string {
  const object = /^(\S+) ([a-z0-9][a-z0-9-]*)\/\S+/.exec(evidence);
  if (object && !visible.has(object[2]!)) return `${object[1]} in a namespace you cannot see`;
  const service = /^(.*) \(service ([^/\s]+)\/[^)]*\)$/.exec(evidence);
  if (service && !visible.has(service[2]!)) return `${service[1]} (a service in a namespace you cannot see)`;
  return evidence;
}

function restrictCoverage(coverage: AreaSummary['coverage'], visible: ReadonlySet<string>): AreaSummary['coverage'] {
  if (!coverage) return coverage;
  return {
    ...coverage,
    tools: coverage.tools.map((t) => {
      const evidence = restrictEvidence(t.evidence, visible);
      if (evidence === t.evidence) return t;
      // The marks name what the evidence no longer says: they go with it (the new words name nothing).
      return { ...t, evidence, ...(t.names ? { names: { ...t.names, evidence: [] } } : {}) };
    }),
  };
}
