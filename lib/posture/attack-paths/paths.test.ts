import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { binding, inventoryOf, namespace } from '../test-inventory';
import { analyseAttackPaths } from './index';

const IMAGE = 'registry.example/app@sha256:' + 'a'.repeat(64);
const BASELINE = { 'pod-security.kubernetes.io/enforce': 'baseline' };
const node = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
function pod(ns: string, name: string, nodeName: string, spec: object = {}, labels: Record<string, string> = {}): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels },
    spec: { nodeName, containers: [{ name, image: IMAGE }], ...spec },
    status: { phase: 'Running' },
  };
}
const clusterRole = (name: string, rules: object[]): K8sObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name },
  rules,
});
const ADMIN = clusterRole('cluster-admin', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]);

describe('attack paths', () => {
  it('reads each step in words, from an Ingress through a container escape and a node to cluster-admin', () => {
    const inv = inventoryOf([
      namespace('shop', BASELINE),
      namespace('kube-system', BASELINE),
      node('a1'),
      ADMIN,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'storefront', namespace: 'shop' },
        spec: { defaultBackend: { service: { name: 'cart', port: { number: 80 } } } },
      },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop' }, spec: { selector: { app: 'cart' } } },
      pod(
        'shop',
        'cart',
        'a1',
        { hostPID: true, automountServiceAccountToken: false, containers: [{ name: 'cart', image: IMAGE, securityContext: { privileged: true } }] },
        { app: 'cart' },
      ),
      pod('kube-system', 'x', 'a1', { serviceAccountName: 'x' }),
      binding('ClusterRoleBinding', 'x-admin', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'x', namespace: 'kube-system' }]),
    ]);
    const { summary } = analyseAttackPaths(inv);
    const texts = summary.paths.filter((p) => p.target === 'cluster-admin').map((p) => p.text);
    expect(texts).toContain(
      "Ingress shop/storefront (routes to Service cart) → Pod shop/cart (container cart is privileged with hostPID) → Node a1 (root on the host reads them) → the credentials on Node a1 (the token of Pod kube-system/x's pod) → ServiceAccount kube-system/x (holds * on * cluster-wide (ClusterRoleBinding x-admin)) → cluster-admin",
    );
    expect(summary.counts.node).toBeGreaterThan(0);
    // The escape names the Pod; the binding is on the path too.
    expect(analyseAttackPaths(inv).throughObject.get('ClusterRoleBinding//x-admin')).toBeGreaterThan(0);
  });

  it('fix-first: where two changes cut every path to cluster-admin, names exactly those two first', () => {
    const inv = inventoryOf([
      namespace('ops', BASELINE),
      namespace('web', BASELINE),
      node('n1'),
      ADMIN,
      clusterRole('impersonator', [{ apiGroups: [''], resources: ['groups'], verbs: ['impersonate'] }]),
      binding('ClusterRoleBinding', 'support', 'impersonator', [{ kind: 'Group', name: 'system:authenticated' }]),
      binding('ClusterRoleBinding', 'ops-admin', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'robot', namespace: 'ops' }]),
      binding('ClusterRoleBinding', 'viewers', 'view', [{ kind: 'Group', name: 'viewers' }]),
      pod('ops', 'robot', 'n1', { serviceAccountName: 'robot' }),
      pod('web', 'a', 'n1'),
      pod('web', 'b', 'n1'),
    ]);
    const { summary } = analyseAttackPaths(inv);
    expect(summary.counts['cluster-admin']).toBeGreaterThan(2);
    const firstTwo = summary.fixFirst.slice(0, 2);
    expect(firstTwo.map((f) => `${f.object.kind}/${f.object.name}: ${f.field}`).sort()).toEqual([
      'ClusterRoleBinding/ops-admin: subjects',
      'ClusterRoleBinding/support: subjects',
    ]);
    expect(firstTwo.reduce((n, f) => n + f.removes['cluster-admin'], 0)).toBe(summary.counts['cluster-admin']);
    expect(firstTwo[0]!.patch).toContain('subjects: []');
    // Each names the shortest path it cuts, one that runs through its binding.
    for (const f of firstTwo) expect(f.path).toMatchObject({ target: 'cluster-admin', text: expect.stringContaining(`(ClusterRoleBinding ${f.object.name})`) });
  });

  it('honours resourceNames: exec limited to one pod reaches that pod only', () => {
    const inv = inventoryOf([
      namespace('app', BASELINE),
      node('n1'),
      clusterRole('exec-one', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'], resourceNames: ['a'] }]),
      { ...binding('RoleBinding', 'exec-one', 'exec-one', [{ kind: 'User', name: 'eve' }], 'app') },
      pod('app', 'a', 'n1', { containers: [{ name: 'a', image: IMAGE, securityContext: { privileged: true } }] }),
      pod('app', 'b', 'n1', { containers: [{ name: 'b', image: IMAGE }] }),
    ]);
    const { summary } = analyseAttackPaths(inv, { keep: 50 });
    const eve = summary.paths.filter((p) => p.steps[0]!.text === 'User eve');
    expect(eve.find((p) => p.target === 'node')?.text).toBe(
      'User eve (can exec into pods named a (RoleBinding app/exec-one)) → Pod app/a (container a is privileged) → Node n1',
    );
    expect(eve.some((p) => p.steps.some((s) => s.text === 'Pod app/b'))).toBe(false);
  });

  it('counts every path but keeps only the shortest few per target', () => {
    const pods = Array.from({ length: 30 }, (_, i) =>
      pod('app', `p${i}`, 'n1', { containers: [{ name: 'c', image: IMAGE, securityContext: { privileged: true } }] }),
    );
    const { summary } = analyseAttackPaths(inventoryOf([namespace('app', BASELINE), node('n1'), ...pods]), { keep: 5 });
    expect(summary.counts.node).toBe(30);
    expect(summary.paths.filter((p) => p.target === 'node')).toHaveLength(5);
    expect(summary.byNamespace.app?.node).toBe(30);
  });
});
