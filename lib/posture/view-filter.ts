// One viewer's share of a posture: only the namespaces they may see. Pure.
// Scores that weigh every object in the cluster (area scores) cannot be split by namespace
// from the document, so they are withheld (null) rather than shown for objects the viewer may
// not see; the overall score becomes the mean of the visible namespaces' scores, and
// `view.restrictedTo` says the document is a restricted view.
import { restrictAttackPaths } from './attack-paths-view';
import { SEVERITIES, type Finding, type PostureDocument, type SeverityCounts } from './types';

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
  for (const f of findings) perCheck.set(f.checkId, (perCheck.get(f.checkId) ?? 0) + 1);
  const checks = doc.checks.map((c) => ({ ...c, findings: c.assessed ? (perCheck.get(c.id) ?? 0) : c.findings }));
  const areas = doc.areas.map((a) => {
    const counts = zeroCounts();
    for (const f of findings) if (f.area === a.id) counts[f.severity]++;
    const mine = checks.filter((c) => c.area === a.id);
    const assessed = mine.filter((c) => c.assessed);
    const failed = assessed.filter((c) => c.findings > 0).length;
    return {
      ...a,
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
