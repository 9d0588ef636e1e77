// The attack paths a page lists: those the document keeps per target and those its fix-first
// changes cut, once each, with a stable id for links (the same path in a later document keeps its
// id), grouped by target and filtered by foothold kind and namespace. Pure.
import { ATTACK_TARGETS, FOOTHOLD_KINDS, type AttackPath, type AttackPathsSummary, type AttackTarget, type FootholdKind } from './types';

export interface ListedPath {
  id: string;
  path: AttackPath;
}

/** FNV-1a of the target and the path's words, base 36. */
export function pathId(p: AttackPath): string {
  let h = 0x811c9dc5;
  for (const ch of `${p.target}\n${p.text}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function listPaths(summary: AttackPathsSummary | undefined): ListedPath[] {
  if (!summary) return [];
  const out = new Map<string, ListedPath>();
  for (const path of [...summary.paths, ...summary.fixFirst.flatMap((f) => (f.path ? [f.path] : []))]) {
    const id = pathId(path);
    if (!out.has(id)) out.set(id, { id, path });
  }
  return [...out.values()];
}

export interface PathsQuery {
  foothold?: FootholdKind;
  namespace?: string;
  /** The path drawn. */
  path?: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 253) || undefined;

/** Reads the page's query; anything unknown is ignored. */
export function parsePathsQuery(params: Record<string, string | string[] | undefined>): PathsQuery {
  const foothold = one(params.foothold);
  const namespace = one(params.namespace);
  const path = one(params.path);
  return {
    ...(foothold && (FOOTHOLD_KINDS as readonly string[]).includes(foothold) ? { foothold: foothold as FootholdKind } : {}),
    ...(namespace ? { namespace } : {}),
    ...(path && /^[0-9a-z]{1,8}$/.test(path) ? { path } : {}),
  };
}

/** The namespace a path starts in (null for a cluster-wide foothold: a user, a group). */
export const startNamespace = (p: AttackPath) => p.steps[0]?.namespace ?? null;

export function filterPaths(paths: ListedPath[], q: PathsQuery): ListedPath[] {
  return paths.filter(({ path }) => (!q.foothold || path.foothold === q.foothold) && (!q.namespace || startNamespace(path) === q.namespace));
}

/** By target, in the document's order of targets; the shortest first within one. */
export function byTarget(paths: ListedPath[]): { target: AttackTarget; paths: ListedPath[] }[] {
  return ATTACK_TARGETS.map((target) => ({
    target,
    paths: paths
      .filter((p) => p.path.target === target)
      .sort((a, b) => a.path.steps.length - b.path.steps.length || Number(a.path.possible) - Number(b.path.possible)),
  })).filter((g) => g.paths.length > 0);
}

export const TARGET_LABEL: Record<AttackTarget, string> = {
  'cluster-admin': 'cluster-admin',
  node: 'root on a node',
  'namespace-secrets': 'every Secret of a namespace',
  'cluster-secrets': 'every Secret of the cluster',
  'kube-system': 'control of kube-system',
};

export const FOOTHOLD_LABEL: Record<FootholdKind, string> = {
  exposed: 'exposed outside the cluster',
  everyone: 'everyone (system:authenticated or anonymous)',
  container: 'code in a container',
  identity: 'a user, group or ServiceAccount',
};
