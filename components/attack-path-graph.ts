// The graph drawn for one attack path: its steps, and the other kept paths to the same target that
// share one of its steps before the target (their steps too, up to MAX_NODES), laid out by dagre (a layered layout,
// run on the server: the page ships no script for it). Pure: paths in, boxes and polylines out.
import dagre from '@dagrejs/dagre';
import type { AttackPath, AttackStep } from '@/lib/posture/types';

export const MAX_NODES = 30;
export const NODE_W = 208;
export const NODE_H = 42;

export interface GraphNode {
  key: string;
  step: AttackStep;
  /** On the selected path; its first and last steps are the foothold and the target reached. */
  selected: boolean;
  role: 'foothold' | 'target' | 'step';
  x: number;
  y: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  via: string;
  selected: boolean;
  possible: boolean;
  points: { x: number; y: number }[];
}

export interface PathGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
  /** Other paths drawn beside the selected one, and those left out to stay within MAX_NODES. */
  others: number;
  leftOut: number;
}

/** A step's identity in the graph: the object it names, or its words (a capability, a step named by kind only). */
export const stepKey = (s: AttackStep) => `${s.kind}\n${s.namespace ?? ''}\n${s.name ?? `=${s.text}`}`;

/** Which steps and edges to draw: the selected path, then each other path to its target that shares a step, while the nodes fit. */
export function pathGraphModel(selected: AttackPath, candidates: readonly AttackPath[]) {
  const nodes = new Map<string, { step: AttackStep; selected: boolean; role: GraphNode['role'] }>();
  const edges = new Map<string, Omit<GraphEdge, 'points'>>();
  const add = (p: AttackPath, isSelected: boolean) => {
    p.steps.forEach((s, i) => {
      const key = stepKey(s);
      const role = i === 0 ? 'foothold' : i === p.steps.length - 1 ? 'target' : 'step';
      const had = nodes.get(key);
      if (!had) nodes.set(key, { step: s, selected: isSelected, role });
      else if (isSelected) had.selected = true;
      if (i === 0) return;
      const prev = p.steps[i - 1]!;
      const ek = `${stepKey(prev)}\u0000${key}`;
      const e = edges.get(ek);
      if (!e) edges.set(ek, { from: stepKey(prev), to: key, via: prev.via ?? '', selected: isSelected, possible: prev.possible === true });
      else if (isSelected) Object.assign(e, { selected: true, via: prev.via ?? '', possible: prev.possible === true });
    });
  };
  add(selected, true);
  // Every path to a target kind ends in the same few vertices (cluster-admin is one): sharing a step means one before the last.
  const mine = new Set(selected.steps.slice(0, -1).map(stepKey));
  let others = 0;
  let leftOut = 0;
  for (const p of candidates) {
    if (p === selected || p.target !== selected.target || p.text === selected.text) continue;
    const keys = p.steps.map(stepKey);
    if (!keys.slice(0, -1).some((k) => mine.has(k))) continue;
    if (nodes.size + keys.filter((k) => !nodes.has(k)).length > MAX_NODES) {
      leftOut++;
      continue;
    }
    add(p, false);
    others++;
  }
  return { nodes, edges, others, leftOut };
}

/** The graph laid out top to bottom, foothold first. */
export function layoutPathGraph(selected: AttackPath, candidates: readonly AttackPath[]): PathGraph {
  const m = pathGraphModel(selected, candidates);
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 16, ranksep: 34, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const key of m.nodes.keys()) g.setNode(key, { width: NODE_W, height: NODE_H });
  for (const e of m.edges.values()) g.setEdge(e.from, e.to, { weight: e.selected ? 4 : 1 });
  dagre.layout(g);
  const nodes = [...m.nodes].map(([key, n]) => {
    const { x, y } = g.node(key);
    return { key, ...n, x, y };
  });
  const edges = [...m.edges.values()].map((e) => ({
    ...e,
    points: (g.edge(e.from, e.to)?.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })),
  }));
  const { width = 0, height = 0 } = g.graph();
  return { nodes, edges, width, height, others: m.others, leftOut: m.leftOut };
}
