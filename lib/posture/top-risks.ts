import { sameObject } from './object-view';
import { severityRank } from './scoring';
import type { AttackFix, Finding, ResourceRef } from './types';

const refKey = (r: ResourceRef) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;
const FIX_FIRST = 'attack-paths.fix-first.';

/** Whether a top risk is a fix-first change (a change to make), not a failed check. */
export const isFixFirst = (f: Finding) => f.checkId.startsWith(FIX_FIRST);

/** "31 attack paths to cluster-admin and 2 to nodes". */
export function pathsCut(removes: AttackFix['removes']): string {
  const admin = removes['cluster-admin'];
  const node = removes.node;
  const paths = (n: number) => `${n} attack path${n === 1 ? '' : 's'}`;
  if (admin && node) return `${paths(admin)} to cluster-admin and ${node} to nodes`;
  if (admin) return `${paths(admin)} to cluster-admin`;
  if (node) return `${paths(node)} to nodes`;
  return 'no attack path';
}

/**
 * The findings to show first: most severe first, and within a severity one per check before
 * a second of any, so twenty vulnerable images do not hide the one cluster-admin binding.
 * With the document's fix-first list (attack paths), its changes come first, one per object, each
 * as a finding of its own (checkId attack-paths.fix-first.<rank>; its object's page shows the path it cuts), then the critical findings on
 * objects not in it, those on more attack paths first. Applying topRisks again to its result keeps it.
 */
export function topRisks(findings: readonly Finding[], limit: number, fixFirst?: readonly AttackFix[]): Finding[] {
  // A list that leads with fix-first entries is this function's own result (the overview ranks it again): kept.
  if (findings[0] && isFixFirst(findings[0])) return findings.slice(0, limit);
  if (!fixFirst?.length) return bySeverity(findings, limit);
  const fixes: Finding[] = [];
  for (const fix of fixFirst) {
    if (fixes.some((f) => sameObject(f.resource, fix.object))) continue;
    const change = fix.change.charAt(0).toUpperCase() + fix.change.slice(1);
    fixes.push({
      checkId: `${FIX_FIRST}${fixes.length + 1}`,
      area: fix.object.kind.endsWith('Binding') ? 'rbac' : 'pod-security',
      severity: 'critical',
      title: `Fix first, change ${fixes.length + 1}: field ${fix.field}`,
      message: `${change}: cuts ${pathsCut(fix.removes)}.`,
      remediation: `${change}.\n\n\`\`\`yaml\n${fix.patch}\n\`\`\``,
      resource: fix.object,
    });
  }
  // Then one critical finding per object not in the list, objects on more paths first (a Node, where
  // paths end, does not count its own), as the document orders them among equals.
  const seen = new Set(fixes.map((f) => refKey(f.resource)));
  const paths = mostPathsByObject(findings);
  const rest: { f: Finding; i: number; paths: number }[] = [];
  findings.forEach((f, i) => {
    if (f.severity !== 'critical' || seen.has(refKey(f.resource))) return;
    seen.add(refKey(f.resource));
    rest.push({ f, i, paths: f.resource.kind === 'Node' ? 0 : paths.get(objectKey(f.resource))! });
  });
  rest.sort((a, b) => b.paths - a.paths || a.i - b.i);
  return [...fixes, ...rest.map((r) => r.f)].slice(0, limit);
}

/** sameObject as a key: null and a missing namespace are one. */
const objectKey = (r: ResourceRef) => `${r.kind}\0${r.namespace ?? '\u0001'}\0${r.name}`;

/**
 * The most attack paths any finding on each object is on, in one pass: at 50,000 pods a filter
 * over every finding per critical object took the overview's first render minutes.
 */
function mostPathsByObject(findings: readonly Finding[]): Map<string, number> {
  const most = new Map<string, number>();
  for (const f of findings) {
    const k = objectKey(f.resource);
    most.set(k, Math.max(most.get(k) ?? 0, f.paths ?? 0));
  }
  return most;
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
