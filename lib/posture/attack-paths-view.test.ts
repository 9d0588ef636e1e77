import { describe, expect, it } from 'vitest';
import { restrictAttackPaths } from './attack-paths-view';
import type { AttackPathsSummary } from './types';

const summary: AttackPathsSummary = {
  counts: { 'cluster-admin': 3, node: 2, 'namespace-secrets': 0, 'cluster-secrets': 0, 'kube-system': 0 },
  byNamespace: { shop: { 'cluster-admin': 1, node: 1 }, ops: { 'cluster-admin': 1, node: 1 } },
  footholds: 4,
  fixFirst: [
    {
      object: { kind: 'ClusterRoleBinding', namespace: null, name: 'x-admin' },
      field: 'subjects',
      change: 'c',
      patch: 'p',
      removes: { 'cluster-admin': 3, node: 0 },
    },
    {
      object: { kind: 'Deployment', namespace: 'shop', name: 'cart' },
      field: 'f',
      change: 'c',
      patch: 'p',
      removes: { 'cluster-admin': 0, node: 1 },
      path: {
        target: 'node',
        possible: false,
        text: '…',
        steps: [
          { kind: 'Deployment', namespace: 'shop', name: 'cart', text: 'Deployment shop/cart', via: 'container cart is privileged' },
          { kind: 'Node', namespace: null, name: 'a1', text: 'Node a1' },
        ],
      },
    },
    {
      object: { kind: 'Deployment', namespace: 'shop', name: 'sidecar' },
      field: 'f',
      change: 'c',
      patch: 'p',
      removes: { 'cluster-admin': 0, node: 1 },
      // Its path starts outside the viewer's namespaces (an exec from ops): not theirs to see.
      path: {
        target: 'node',
        possible: false,
        text: '…',
        steps: [
          { kind: 'ServiceAccount', namespace: 'ops', name: 'o', text: 'ServiceAccount ops/o', via: 'exec' },
          { kind: 'Deployment', namespace: 'shop', name: 'sidecar', text: 'Deployment shop/sidecar', via: 'privileged' },
          { kind: 'Node', namespace: null, name: 'a1', text: 'Node a1' },
        ],
      },
    },
  ],
  paths: [
    {
      target: 'cluster-admin',
      possible: false,
      text: '…',
      steps: [
        { kind: 'Ingress', namespace: 'shop', name: 'storefront', text: 'Ingress shop/storefront', via: 'routes to Service cart' },
        { kind: 'Pod', namespace: 'shop', name: 'cart', text: 'Pod shop/cart', via: 'container cart is privileged' },
        { kind: 'Node', namespace: null, name: 'a1', text: 'Node a1', via: 'root on the host reads them' },
        { kind: 'ServiceAccount', namespace: 'kube-system', name: 'x', text: 'ServiceAccount kube-system/x', via: 'holds * on * (ClusterRoleBinding x-admin)' },
        { kind: 'Capability', namespace: null, text: 'cluster-admin' },
      ],
    },
    {
      target: 'cluster-admin',
      possible: false,
      text: '…',
      steps: [
        { kind: 'User', namespace: null, name: 'alice', text: 'User alice', via: 'holds * on *' },
        { kind: 'Capability', namespace: null, text: 'cluster-admin' },
      ],
    },
    {
      target: 'node',
      possible: false,
      text: '…',
      steps: [
        { kind: 'Pod', namespace: 'ops', name: 'o', text: 'Pod ops/o', via: 'privileged' },
        { kind: 'Node', namespace: null, name: 'a1', text: 'Node a1' },
      ],
    },
  ],
};

describe('restrictAttackPaths', () => {
  it("keeps only paths that start in the viewer's namespaces, naming steps outside them by kind only", () => {
    const mine = restrictAttackPaths(summary, ['shop']);
    expect(mine.paths).toHaveLength(1);
    const json = JSON.stringify([mine.paths, mine.fixFirst]);
    for (const hidden of ['a1', 'kube-system', 'x-admin', 'alice', 'ops']) expect(json).not.toContain(hidden);
    expect(mine.paths[0]!.text).toBe(
      'Ingress shop/storefront (routes to Service cart) → Pod shop/cart (leads on) → Node (leads on) → ServiceAccount (leads on) → a capability',
    );
    expect(mine.counts).toEqual({ 'cluster-admin': 1, node: 1, 'namespace-secrets': 0, 'cluster-secrets': 0, 'kube-system': 0 });
    expect(mine.fixFirst.map((f) => f.object.name)).toEqual(['cart', 'sidecar']);
    expect(mine.fixFirst[0]!.path!.text).toBe('Deployment shop/cart (leads on) → Node');
    expect(mine.fixFirst[1]!.path).toBeUndefined();
  });

  it('leaves nothing to a viewer with no namespaces', () => {
    const none = restrictAttackPaths(summary, []);
    expect(none.paths).toEqual([]);
    expect(none.fixFirst).toEqual([]);
    expect(Object.values(none.counts).every((n) => n === 0)).toBe(true);
  });
});
