// Attack paths: from footholds (exposed workloads, every container, the everyone groups, every
// identity a binding names) to targets (cluster-admin, a node, every Secret of a namespace or of
// the cluster, kube-system). Pure: Inventory in, a bounded summary out. See README.md.
import type { Inventory, ResourceKey } from '../../cluster/inventory';
import { ATTACK_TARGETS, type AttackPathsSummary, type AttackTarget } from '../types';
import { buildAttackGraph } from './build';
import { fixFirst } from './fix-first';
import { compile, countPaths, pathsThrough, shortestPaths, shortestTree, type Compiled, type Tree } from './paths';

/** Paths kept per target in the document; all are counted. */
export const PATHS_KEPT_PER_TARGET = 10;

export interface AttackAnalysis {
  summary: AttackPathsSummary;
  /** How many paths run through each object, by `Kind/namespace/name` (lib/posture/engine.ts refKey). */
  throughObject: Map<string, number>;
}

const READS: ResourceKey[] = [
  'pods',
  'nodes',
  'serviceaccounts',
  'roles',
  'rolebindings',
  'clusterroles',
  'clusterrolebindings',
  'services',
  'ingresses',
  'secrets',
  'namespaces',
];

// One analysis per inventory object: a full and an incremental computation of the same inventory share it.
const cache = new WeakMap<Inventory, AttackAnalysis>();

export function analyseAttackPaths(inv: Inventory, opts: { keep?: number } = {}): AttackAnalysis {
  if (opts.keep !== undefined) return analyse(inv, opts.keep);
  let a = cache.get(inv);
  if (!a) cache.set(inv, (a = analyse(inv, PATHS_KEPT_PER_TARGET)));
  return a;
}

function analyse(inv: Inventory, keep: number): AttackAnalysis {
  const ctx = buildAttackGraph(inv);
  const c = compile(ctx.graph);
  const counts = {} as Record<AttackTarget, number>;
  const byNamespace: AttackPathsSummary['byNamespace'] = {};
  const throughObject = new Map<string, number>();
  const paths = [];
  for (const target of ATTACK_TARGETS) {
    const tree = shortestTree(c, target);
    counts[target] = countPaths(c, tree);
    for (const f of c.footholds) {
      const ns = c.graph.vertices[f]!.namespace;
      if (tree.dist[f]! > 0 && ns) (byNamespace[ns] ??= {})[target] = (byNamespace[ns]![target] ?? 0) + 1;
    }
    countObjects(c, tree, throughObject);
    paths.push(...shortestPaths(c, tree, target, keep));
  }
  const incomplete = READS.filter((k) => inv.missing[k]).map((k) => `${k}: ${inv.missing[k]!.reason}`);
  return {
    summary: {
      counts,
      byNamespace,
      footholds: c.footholds.length,
      fixFirst: fixFirst(c),
      paths,
      ...(incomplete.length ? { incomplete } : {}),
    },
    throughObject,
  };
}

const key = (r: { kind: string; namespace: string | null; name: string }) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;

/** Adds, per object, the footholds whose path passes it: its vertex, or the edge out of it that a change to the object cuts. */
function countObjects(c: Compiled, tree: Tree, out: Map<string, number>): void {
  const through = pathsThrough(c, tree);
  const g = c.graph;
  const objectsAt = (v: number): string[] => {
    const vx = g.vertices[v]!;
    const e = tree.next[v]!;
    const keys = vx.ref ? [key(vx.ref)] : [];
    if (e >= 0) for (const f of g.edges[e]!.fixes) keys.push(key(g.fixes[f]!.object));
    return keys;
  };
  for (let v = 0; v < through.length; v++) {
    if (!through[v]) continue;
    const mine = new Set(objectsAt(v));
    const e = tree.next[v]!;
    // A path is counted once per object: not again where the next step names the same object.
    if (e >= 0) for (const k of objectsAt(g.edges[e]!.to)) mine.delete(k);
    for (const k of mine) out.set(k, (out.get(k) ?? 0) + through[v]!);
  }
}
