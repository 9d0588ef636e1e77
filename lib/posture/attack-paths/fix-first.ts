// Fix first: the changes that cut the most paths to cluster-admin, then to nodes, greedily. Each round
// scores every change by the paths whose current shortest route uses an edge it removes (an upper
// bound on what it cuts: a path with another route survives), then tries changes for real in that
// order (remove their edges, search again) until none left could beat the best found, keeps the
// best, and goes on from the cluster with that change made. Where several edges of one object join
// the same two steps (a container both privileged and mounting the runtime socket), the change is
// the set of fields that cuts them all.
import type { AttackFix, AttackPath, AttackTarget } from '../types';
import type { FootholdKind } from './graph';
import { pathFrom, pathsThrough, shortestTree, treeBuffers, type Compiled, type Tree } from './paths';

const GOALS = ['cluster-admin', 'node'] as const satisfies readonly AttackTarget[];
const WEIGHT: Record<FootholdKind, number> = { exposed: 8, everyone: 4, container: 2, identity: 1 };
/** Changes tried for real per round, at most. */
const MAX_TRIES = 12;

export function fixFirst(c: Compiled, opts: { max?: number } = {}): AttackFix[] {
  const max = opts.max ?? 10;
  const g = c.graph;
  const edgesOf: number[][] = g.fixes.map(() => []);
  g.edges.forEach((e, i) => e.fixes.forEach((f) => edgesOf[f]!.push(i)));
  // Parallel edges (same from and to, each cut by some change): groups of two or more, by edge.
  const groupOf = new Int32Array(g.edges.length).fill(-1);
  const groups: number[][] = [];
  {
    const cuttable = g.edges.flatMap((e, i) => (e.fixes.length ? [i] : []));
    cuttable.sort((a, b) => g.edges[a]!.from - g.edges[b]!.from || g.edges[a]!.to - g.edges[b]!.to || a - b);
    for (let i = 0; i < cuttable.length; ) {
      const e = g.edges[cuttable[i]!]!;
      let j = i + 1;
      while (j < cuttable.length && g.edges[cuttable[j]!]!.from === e.from && g.edges[cuttable[j]!]!.to === e.to) j++;
      if (j - i > 1) {
        const group = cuttable.slice(i, j);
        for (const x of group) groupOf[x] = groups.length;
        groups.push(group);
      }
      i = j;
    }
  }
  // Paths per goal, then all of them weighted by how easily their foothold is had (a tie-breaker:
  // code running in a container is a likelier start than a stolen administrator's credential).
  const weightOf = Int32Array.from(c.footholds, (f) => WEIGHT[g.vertices[f]!.foothold!]);
  const scratch = treeBuffers(c);
  const roundTrees = GOALS.map(() => treeBuffers(c));
  const counts = () => {
    const out = [0, 0, 0];
    for (let i = 0; i < GOALS.length; i++) countReached(c.footholds, shortestTree(c, GOALS[i]!, scratch).dist, weightOf, out, i);
    return out;
  };
  const apply = (fs: number[]) => fs.flatMap((f) => edgesOf[f]!.filter((e) => !c.cut[e] && (c.cut[e] = 1)));
  const undo = (cut: number[]) => cut.forEach((e) => (c.cut[e] = 0));

  const out: AttackFix[] = [];
  const applied: number[] = [];
  let before = counts();
  while (out.length < max && before[0]! + before[1]! > 0) {
    // Upper bounds per change: on paths to cluster-admin (ranked first), and on both goals.
    const score = new Map<string, { fixes: number[]; admin: number; score: number }>();
    const credit = (fixes: number[], n: number, admin: boolean) => {
      const k = fixes.join(',');
      const s = score.get(k) ?? score.set(k, { fixes, admin: 0, score: 0 }).get(k)!;
      s.score += n;
      if (admin) s.admin += n;
    };
    const single = new Float64Array(g.fixes.length);
    const singleAdmin = new Float64Array(g.fixes.length);
    const trees = GOALS.map((t, i) => shortestTree(c, t, roundTrees[i]));
    for (let gi = 0; gi < GOALS.length; gi++) {
      creditFixes(c, trees[gi]!, single, gi === 0 ? singleAdmin : null, groupOf, (e, n) => {
        const edge = g.edges[e]!;
        const others = groups[groupOf[e]!]!.filter((x) => x !== e && !c.cut[x]);
        if (others.length) {
          const object = g.fixes[edge.fixes[0]!]!.object;
          const bundle = [edge.fixes[0]!, ...others.map((x) => g.edges[x]!.fixes.find((f) => sameObject(g.fixes[f]!.object, object)) ?? -1)];
          if (!bundle.includes(-1))
            credit(
              [...new Set(bundle)].sort((a, b) => a - b),
              n,
              gi === 0,
            );
        }
      });
    }
    for (let f = 0; f < single.length; f++) if (single[f]! > 0) score.set(String(f), { fixes: [f], admin: singleAdmin[f]!, score: single[f]! });
    const ranked = [...score.values()].sort((a, b) => b.admin - a.admin || b.score - a.score || a.fixes.length - b.fixes.length);
    let best: { fixes: number[]; after: number[]; admin: number; removed: number; weighted: number } | null = null;
    for (const cand of ranked.slice(0, MAX_TRIES)) {
      // Nothing further down can cut more paths to cluster-admin, or as many and more in all.
      if (best && (best.admin > cand.admin || (best.admin === cand.admin && best.removed > cand.score))) break;
      const cut = apply(cand.fixes);
      const after = counts();
      undo(cut);
      const admin = before[0]! - after[0]!;
      const removed = admin + before[1]! - after[1]!;
      const weighted = before[2]! - after[2]!;
      const better =
        !best || admin > best.admin || (admin === best.admin && (removed > best.removed || (removed === best.removed && weighted > best.weighted)));
      if (removed > 0 && better) best = { fixes: cand.fixes, after, admin, removed, weighted };
    }
    if (!best) break;
    const path = shortestCut(c, trees, new Set(best.fixes.flatMap((f) => edgesOf[f]!)));
    applied.push(...apply(best.fixes));
    const fixes = best.fixes.map((f) => g.fixes[f]!);
    out.push({
      object: fixes[0]!.object,
      field: fixes.map((f) => f.field).join(' and '),
      change: fixes.map((f) => f.change).join('; '),
      patch: fixes.map((f) => f.patch).join('\n---\n'),
      removes: { 'cluster-admin': before[0]! - best.after[0]!, node: before[1]! - best.after[1]! },
      ...(path ? { path } : {}),
    });
    before = best.after;
  }
  undo(applied);
  return out;
}

// The hot loops live in small functions of their own: called every round and every try, they are
// optimised early, where a loop in fixFirst's body (called once per analysis) ran unoptimised.

/** Into out[i], the footholds that reach the goal; into out[2], their weights. */
function countReached(footholds: Int32Array, dist: Int32Array, weightOf: Int32Array, out: number[], i: number): void {
  let n = 0;
  let w = 0;
  for (let k = 0; k < footholds.length; k++)
    if (dist[footholds[k]!]! > 0) {
      n++;
      w += weightOf[k]!;
    }
  out[i]! += n;
  out[2]! += w;
}

/**
 * Credits every change by the paths whose next step takes an edge it cuts (into `single`, and into
 * `admin` for paths to cluster-admin); `grouped` hears of each such step on an edge with parallels.
 */
function creditFixes(
  c: Compiled,
  tree: Tree,
  single: Float64Array,
  admin: Float64Array | null,
  groupOf: Int32Array,
  grouped: (edge: number, paths: number) => void,
): void {
  const through = pathsThrough(c, tree);
  const edges = c.graph.edges;
  const next = tree.next;
  for (let v = 0; v < through.length; v++) {
    const n = through[v]!;
    const e = next[v]!;
    if (e < 0 || n === 0) continue;
    const fixes = edges[e]!.fixes;
    for (let i = 0; i < fixes.length; i++) {
      single[fixes[i]!]! += n;
      if (admin) admin[fixes[i]!]! += n;
    }
    if (groupOf[e]! >= 0 && fixes.length > 0) grouped(e, n);
  }
}

/** The shortest path (to cluster-admin first, then to a node) whose route takes one of `edges`. */
function shortestCut(c: Compiled, trees: Tree[], edges: ReadonlySet<number>): AttackPath | null {
  for (const [gi, t] of trees.entries()) {
    // Whether a vertex's route takes a cut edge: nearest vertices first, so the next step is known.
    const uses = new Uint8Array(c.graph.vertices.length);
    for (let i = 0; i < t.reached; i++) {
      const v = t.order[i]!;
      const e = t.next[v]!;
      if (e >= 0) uses[v] = edges.has(e) || uses[c.graph.edges[e]!.to] ? 1 : 0;
    }
    let best = -1;
    for (const f of c.footholds) if (uses[f] && (best < 0 || t.dist[f]! < t.dist[best]!)) best = f;
    if (best >= 0) return pathFrom(c, t, GOALS[gi]!, best);
  }
  return null;
}

const sameObject = (a: { kind: string; namespace: string | null; name: string }, b: typeof a) =>
  a.kind === b.kind && a.namespace === b.namespace && a.name === b.name;
