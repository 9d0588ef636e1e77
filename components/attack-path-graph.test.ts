import { describe, expect, it } from 'vitest';
import type { AttackPath, AttackStep } from '@/lib/posture/types';
import { layoutPathGraph, MAX_NODES, NODE_H, NODE_W, pathGraphModel, stepKey } from './attack-path-graph';

const step = (kind: string, name: string, via?: string, namespace: string | null = 'ns'): AttackStep => ({
  kind,
  namespace,
  name,
  text: `${kind} ${namespace ? `${namespace}/` : ''}${name}`,
  ...(via ? { via } : {}),
});
const admin: AttackStep = { kind: 'Capability', namespace: null, text: 'cluster-admin' };
const path = (...steps: AttackStep[]): AttackPath => ({ target: 'cluster-admin', steps, possible: false, text: steps.map((s) => s.text).join(' → ') });

const selected = path(step('Deployment', 'web', 'its mounted token'), step('ServiceAccount', 'web', 'holds * on *'), admin);
// Shares the ServiceAccount step with the selected path.
const sibling = path(step('Deployment', 'worker', 'its mounted token'), step('ServiceAccount', 'web', 'holds * on *'), admin);
// Shares only the target: not drawn (every path to cluster-admin ends there).
const other = path(step('User', 'ann', 'holds * on *', null), admin);
const toNode: AttackPath = { ...path(step('Deployment', 'web', 'privileged'), step('Node', 'n1', undefined, null)), target: 'node' };

describe('pathGraphModel', () => {
  it('draws the selected path and the other paths to the same target that share a step, strong and faint', () => {
    const m = pathGraphModel(selected, [selected, sibling, other, toNode]);
    expect(m.others).toBe(1);
    expect([...m.nodes.values()].some((n) => n.step.kind === 'User')).toBe(false);
    expect([...m.nodes.values()].filter((n) => n.selected).map((n) => n.step.text)).toEqual(['Deployment ns/web', 'ServiceAccount ns/web', 'cluster-admin']);
    expect(m.nodes.get(stepKey(sibling.steps[0]!))).toMatchObject({ selected: false, role: 'foothold' });
    // The shared edge ServiceAccount → cluster-admin is one edge, on the selected path.
    const shared = [...m.edges.values()].filter((e) => e.to === stepKey(admin));
    expect(shared.map((e) => [e.selected, e.via])).toEqual([[true, 'holds * on *']]);
    expect([...m.edges.values()].filter((e) => !e.selected).map((e) => e.from)).toEqual([stepKey(sibling.steps[0]!)]);
    // A path to another target is never drawn, even through the same workload.
    expect([...m.nodes.values()].some((n) => n.step.kind === 'Node')).toBe(false);
  });

  it(`stays within ${MAX_NODES} nodes, counting the paths left out`, () => {
    const many = Array.from({ length: 40 }, (_, i) => path(step('Deployment', `d${i}`, 'token'), step('ServiceAccount', 'web', 'holds'), admin));
    const m = pathGraphModel(selected, many);
    expect(m.nodes.size).toBe(MAX_NODES);
    expect([m.others, m.leftOut]).toEqual([MAX_NODES - 3, 40 - (MAX_NODES - 3)]);
  });
});

describe('layoutPathGraph', () => {
  it('lays the path out top to bottom, foothold above target, with no two boxes overlapping', () => {
    const g = layoutPathGraph(selected, [sibling, other]);
    const y = (text: string) => g.nodes.find((n) => n.step.text === text)!.y;
    expect(y('Deployment ns/web')).toBeLessThan(y('ServiceAccount ns/web'));
    expect(y('ServiceAccount ns/web')).toBeLessThan(y('cluster-admin'));
    for (const a of g.nodes) for (const b of g.nodes) if (a !== b) expect(Math.abs(a.x - b.x) >= NODE_W || Math.abs(a.y - b.y) >= NODE_H).toBe(true);
    for (const e of g.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
    expect(g.width).toBeGreaterThanOrEqual(NODE_W);
    expect(g.height).toBeGreaterThan(2 * NODE_H);
  });
});
