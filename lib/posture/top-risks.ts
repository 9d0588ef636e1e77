import { severityRank } from './scoring';
import type { AttackFix, Finding, ResourceRef } from './types';

/** The object's page. */
export function objectHref(r: Pick<ResourceRef, 'kind' | 'namespace' | 'name'>): string {
  return `/objects/${encodeURIComponent(r.kind)}/${encodeURIComponent(r.namespace ?? '_')}/${encodeURIComponent(r.name)}`;
}

const sameObject = (a: ResourceRef, b: ResourceRef) => a.kind === b.kind && (a.namespace ?? null) === (b.namespace ?? null) && a.name === b.name;

/**
 * The findings to show first: most severe first, and within a severity one per check before
 * a second of any, so twenty vulnerable images do not hide the one cluster-admin binding.
 * With the document's fix-first list (attack paths), its changes come first, one per object, each
 * as a finding of its own (checkId attack-paths.fix-first.<rank>), then the critical findings on
 * objects not in it, those on more attack paths first. Applying topRisks again to its result keeps it.
 */
export function topRisks(findings: readonly Finding[], limit: number, fixFirst?: readonly AttackFix[]): Finding[] {
  if (!fixFirst?.length) return bySeverity(findings, limit);
  const fixes: Finding[] = [];
  for (const fix of fixFirst) {
    if (fixes.some((f) => sameObject(f.resource, fix.object))) continue;
    const cut = [fix.removes['cluster-admin'] ? `${fix.removes['cluster-admin']} to cluster-admin` : '', fix.removes.node ? `${fix.removes.node} to nodes` : '']
      .filter(Boolean)
      .join(' and ');
    fixes.push({
      checkId: `attack-paths.fix-first.${fixes.length + 1}`,
      area: fix.object.kind.endsWith('Binding') ? 'rbac' : 'pod-security',
      severity: 'critical',
      title: `Fix first: ${fix.change}`,
      message: `${fix.field}: cuts ${cut || 'no'} attack paths. See ${objectHref(fix.object)}`,
      remediation: fix.patch,
      resource: fix.object,
    });
  }
  const rest = findings
    .filter((f) => f.severity === 'critical' && !fixes.some((x) => sameObject(x.resource, f.resource)))
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (b.f.paths ?? 0) - (a.f.paths ?? 0) || a.i - b.i)
    .map((x) => x.f);
  return [...fixes, ...bySeverity(rest, limit)].slice(0, limit);
}

function bySeverity(findings: readonly Finding[], limit: number): Finding[] {
  const seen = new Set<string>();
  const keyed = findings.map((f, i) => {
    const repeat = seen.has(f.checkId);
    seen.add(f.checkId);
    return { f, i, repeat };
  });
  keyed.sort((a, b) => severityRank(a.f.severity) - severityRank(b.f.severity) || Number(a.repeat) - Number(b.repeat) || a.i - b.i);
  return keyed.slice(0, limit).map((k) => k.f);
}
