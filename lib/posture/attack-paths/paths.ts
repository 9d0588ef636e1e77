// Shortest paths from every foothold to each kind of target: one breadth-first search backwards
// from all targets of a kind at once, so each vertex learns its next step towards the nearest one.
// The next steps form a tree; how many footholds' paths pass a vertex is the size of its subtree.
import { ATTACK_TARGETS, type AttackPath, type AttackStep, type AttackTarget } from '../types';
import type { AttackGraph, FootholdKind } from './graph';

export interface Compiled {
  graph: AttackGraph;
  /** Incoming edges of each vertex (CSR): edge ids in inEdges[inStart[v] .. inStart[v+1]). */
  inStart: Int32Array;
  inEdges: Int32Array;
  from: Int32Array;
  /** Edges a chosen change removed (fix-first). */
  cut: Uint8Array;
  footholds: Int32Array;
  targets: Record<AttackTarget, number[]>;
}

export function compile(graph: AttackGraph): Compiled {
  const n = graph.vertices.length;
  const m = graph.edges.length;
  const inStart = new Int32Array(n + 1);
  const from = new Int32Array(m);
  // Certain edges first, so among equally short paths a certain one is found first.
  for (const e of graph.edges) inStart[e.to + 1]!++;
  for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v]!;
  const fill = inStart.slice(0, n);
  const inEdges = new Int32Array(m);
  for (const pass of [false, true])
    graph.edges.forEach((e, i) => {
      if (e.possible !== pass) return;
      from[i] = e.from;
      inEdges[fill[e.to]!++] = i;
    });
  const targets = Object.fromEntries(ATTACK_TARGETS.map((t) => [t, [] as number[]])) as Record<AttackTarget, number[]>;
  const footholds: number[] = [];
  graph.vertices.forEach((v, i) => {
    if (v.target) targets[v.target].push(i);
    if (v.foothold) footholds.push(i);
  });
  return { graph, inStart, inEdges, from, cut: new Uint8Array(m), footholds: Int32Array.from(footholds), targets };
}

export interface Tree {
  /** The edge each vertex takes towards the nearest target; -1 at a target or where none is reached. */
  next: Int32Array;
  dist: Int32Array;
  /** Vertices in the order the search reached them (nearest first). */
  order: Int32Array;
  reached: number;
}

/** A tree's arrays, to search again without allocating (fix-first searches ~250 times). */
export function treeBuffers(c: Compiled): Tree {
  const n = c.graph.vertices.length;
  return { next: new Int32Array(n), dist: new Int32Array(n), order: new Int32Array(n), reached: 0 };
}

/** The search towards `target`'s vertices; into `reuse`'s arrays when given (its previous result is lost). */
export function shortestTree(c: Compiled, target: AttackTarget, reuse?: Tree): Tree {
  const { dist, next, order } = reuse ?? treeBuffers(c);
  dist.fill(-1);
  next.fill(-1);
  let head = 0;
  let tail = 0;
  for (const t of c.targets[target]) {
    dist[t] = 0;
    order[tail++] = t;
  }
  while (head < tail) {
    const v = order[head++]!;
    const d = dist[v]! + 1;
    for (let k = c.inStart[v]!, end = c.inStart[v + 1]!; k < end; k++) {
      const e = c.inEdges[k]!;
      if (c.cut[e]) continue;
      const u = c.from[e]!;
      if (dist[u] !== -1) continue;
      dist[u] = d;
      next[u] = e;
      order[tail++] = u;
    }
  }
  if (!reuse) return { next, dist, order, reached: tail };
  reuse.reached = tail;
  return reuse;
}

/** For each vertex, how many footholds' paths pass through it (itself included if a foothold). */
export function pathsThrough(c: Compiled, t: Tree): Int32Array {
  const count = new Int32Array(c.graph.vertices.length);
  for (const f of c.footholds) if (t.dist[f]! > 0) count[f]!++;
  for (let i = t.reached - 1; i >= 0; i--) {
    const v = t.order[i]!;
    const e = t.next[v]!;
    if (e >= 0 && count[v]) count[c.graph.edges[e]!.to]! += count[v]!;
  }
  return count;
}

export function countPaths(c: Compiled, t: Tree): number {
  let n = 0;
  for (const f of c.footholds) if (t.dist[f]! > 0) n++;
  return n;
}

const FOOTHOLD_RANK: Record<FootholdKind, number> = { exposed: 0, everyone: 1, container: 2, identity: 3 };

/** The `limit` shortest paths, exposed and everyone footholds first among equals. */
export function shortestPaths(c: Compiled, t: Tree, target: AttackTarget, limit: number): AttackPath[] {
  const g = c.graph;
  const starts = [...c.footholds].filter((f) => t.dist[f]! > 0);
  starts.sort(
    (a, b) =>
      t.dist[a]! - t.dist[b]! ||
      FOOTHOLD_RANK[g.vertices[a]!.foothold!] - FOOTHOLD_RANK[g.vertices[b]!.foothold!] ||
      (g.vertices[a]!.text < g.vertices[b]!.text ? -1 : 1),
  );
  // Certain paths before possible ones of the same length.
  const picked = starts.slice(0, limit * 3).map((f) => ({ f, p: pathFrom(c, t, target, f) }));
  picked.sort((a, b) => t.dist[a.f]! - t.dist[b.f]! || Number(a.p.possible) - Number(b.p.possible));
  return picked.slice(0, limit).map((x) => x.p);
}

export function pathFrom(c: Compiled, t: Tree, target: AttackTarget, start: number): AttackPath {
  const g = c.graph;
  const steps: AttackStep[] = [];
  let v = start;
  for (;;) {
    const vx = g.vertices[v]!;
    const e = t.next[v]!;
    const edge = e >= 0 ? g.edges[e]! : null;
    steps.push({
      kind: vx.ref?.kind ?? 'Capability',
      namespace: vx.namespace,
      ...(vx.ref ? { name: vx.ref.name } : {}),
      text: vx.text,
      ...(edge ? { via: edge.via } : {}),
      ...(edge?.possible ? { possible: true as const } : {}),
    });
    if (!edge) break;
    v = edge.to;
  }
  const foothold = g.vertices[start]!.foothold;
  return { target, ...(foothold ? { foothold } : {}), steps, possible: steps.some((s) => s.possible), text: pathText(steps) };
}

export function pathText(steps: AttackStep[]): string {
  return steps.map((s, i) => (i < steps.length - 1 && s.via ? `${s.text} (${s.via}${s.possible ? ', possible' : ''})` : s.text)).join(' → ');
}
