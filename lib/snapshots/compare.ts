// Pure comparison of two posture documents: score deltas per area and namespace, and
// findings new / fixed / unchanged. A finding's identity is checkId + resource
// (kind, namespace, name), never its position in the list.
import type { AreaId, Finding, PostureDocument } from '@/lib/posture/types';

export interface ScoreDelta<K extends string = string> {
  key: K;
  from: number | null;
  to: number | null;
  /** to - from; null when either side has no score. */
  delta: number | null;
}

export interface PostureComparison {
  score: ScoreDelta<'cluster'>;
  areas: ScoreDelta<AreaId>[];
  namespaces: ScoreDelta[];
  findings: { new: Finding[]; fixed: Finding[]; unchanged: Finding[] };
  counts: { new: number; fixed: number; unchanged: number };
}

export function findingKey(f: Finding): string {
  return JSON.stringify([f.checkId, f.resource.kind, f.resource.namespace ?? null, f.resource.name]);
}

function delta<K extends string>(key: K, from: number | null | undefined, to: number | null | undefined): ScoreDelta<K> {
  const a = from ?? null;
  const b = to ?? null;
  return { key, from: a, to: b, delta: a === null || b === null ? null : b - a };
}

function byKey(findings: Finding[]): Map<string, Finding> {
  const m = new Map<string, Finding>();
  for (const f of findings) if (!m.has(findingKey(f))) m.set(findingKey(f), f);
  return m;
}

export function comparePostures(from: PostureDocument, to: PostureDocument): PostureComparison {
  const areaIds: AreaId[] = [];
  for (const a of [...from.areas, ...to.areas]) if (!areaIds.includes(a.id)) areaIds.push(a.id);
  const areas = areaIds.map((id) => delta(id, from.areas.find((a) => a.id === id)?.score, to.areas.find((a) => a.id === id)?.score));
  const nsNames = [...new Set([...from.namespaces, ...to.namespaces].map((n) => n.name))].sort();
  const namespaces = nsNames.map((name) => delta(name, from.namespaces.find((n) => n.name === name)?.score, to.namespaces.find((n) => n.name === name)?.score));
  const before = byKey(from.findings);
  const after = byKey(to.findings);
  const added: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const [k, f] of after) (before.has(k) ? unchanged : added).push(f);
  const fixed = [...before].filter(([k]) => !after.has(k)).map(([, f]) => f);
  return {
    score: delta('cluster', from.score, to.score),
    areas,
    namespaces,
    findings: { new: added, fixed, unchanged },
    counts: { new: added.length, fixed: fixed.length, unchanged: unchanged.length },
  };
}
