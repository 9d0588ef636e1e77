// The attack graph: vertices (footholds, workloads, nodes, identities, capabilities, targets) and
// edges, each edge naming how one step leads to the next and which changes would cut it. Built
// once per inventory (build.ts); searched by paths.ts with flat integer arrays.
import type { AttackTarget, FootholdKind, ResourceRef } from '../types';

export type { FootholdKind };

export interface Vertex {
  key: string;
  /** The object the vertex is; null for a capability ("can run pods in namespace x"). */
  ref: ResourceRef | null;
  /** The step in words: "Deployment shop/cart", "can run pods in namespace ci". */
  text: string;
  /** The namespace the step lies in, for restricted views; null for cluster-wide steps. */
  namespace: string | null;
  target?: AttackTarget;
  foothold?: FootholdKind;
}

/** A change that cuts edges: one field of one object. */
export interface Fix {
  key: string;
  object: ResourceRef;
  field: string;
  change: string;
  patch: string;
}

export interface Edge {
  from: number;
  to: number;
  /** The edge catalogue entry (edges/*.ts) that planted it. */
  rule: string;
  /** How `from` leads to `to`, in words. */
  via: string;
  possible: boolean;
  /** Indices into graph.fixes: applying any one removes the edge. Empty: nothing in the cluster's objects to change. */
  fixes: number[];
}

// Most edges (layout, group membership) have no change of their own to cut them: one shared empty list.
const NO_FIXES: number[] = [];

export class AttackGraph {
  readonly vertices: Vertex[] = [];
  readonly edges: Edge[] = [];
  readonly fixes: Fix[] = [];
  private readonly index = new Map<string, number>();
  private readonly fixIndex = new Map<string, number>();

  vertex(key: string, make: () => Omit<Vertex, 'key'>): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.vertices.length;
      this.vertices.push({ key, ...make() });
      this.index.set(key, i);
    }
    return i;
  }

  find(key: string): number | undefined {
    return this.index.get(key);
  }

  fix(f: Fix): number {
    let i = this.fixIndex.get(f.key);
    if (i === undefined) {
      i = this.fixes.length;
      this.fixes.push(f);
      this.fixIndex.set(f.key, i);
    }
    return i;
  }

  edge(from: number, to: number, rule: string, via: string, opts?: { possible?: boolean; fixes?: Fix[] }): void {
    if (from === to) return;
    const fixes = opts?.fixes?.length ? opts.fixes.map((f) => this.fix(f)) : NO_FIXES;
    this.edges.push({ from, to, rule, via, possible: opts?.possible ?? false, fixes });
  }
}
