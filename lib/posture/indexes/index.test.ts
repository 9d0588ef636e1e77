import { describe, expect, it } from 'vitest';
import { applyChange } from '../../cluster/apply-change';
import { binding, deployment, inventoryOf, namespace, pod, restrictedSpec } from '../test-inventory';
import { bindingsBySubject, flatContainers, podIndex, podsOnNode, rawContainers, workloadIndex, workloadsIn, workloadsRunningAs } from './index';

const inv = inventoryOf([
  namespace('a'),
  namespace('b'),
  deployment('a', 'web', { ...restrictedSpec, serviceAccountName: 'web-sa' }),
  pod('a', 'debug', { ...restrictedSpec, nodeName: 'n1' }),
  pod('b', 'job', { ...restrictedSpec, ...{ serviceAccount: 'legacy' }, nodeName: 'n1' }),
  pod('b', 'other', { ...restrictedSpec, nodeName: 'n2' }),
  binding('ClusterRoleBinding', 'crb', 'view', [
    { kind: 'ServiceAccount', name: 'web-sa', namespace: 'a' },
    { kind: 'Group', name: 'devs' },
  ]),
  // A RoleBinding's ServiceAccount subject without a namespace is the binding's own namespace's.
  binding(
    'RoleBinding',
    'rb',
    'edit',
    [
      { kind: 'ServiceAccount', name: 'web-sa' },
      { kind: 'ServiceAccount', name: 'web-sa' },
    ],
    'a',
  ),
  binding('RoleBinding', 'rb2', 'edit', [{ kind: 'User', name: 'ann' }], 'b'),
]);

describe('inventory indexes', () => {
  it('finds workloads by namespace and by the ServiceAccount they run as', () => {
    expect(workloadsIn(inv, 'a').map((w) => w.name)).toEqual(['web', 'debug']); // the inventory's order
    expect(workloadsIn(inv, 'nowhere')).toEqual([]);
    expect(workloadsRunningAs(inv, 'a', 'web-sa').map((w) => w.name)).toEqual(['web']);
    expect(workloadsRunningAs(inv, 'a', 'default').map((w) => w.name)).toEqual(['debug']);
    expect(workloadsRunningAs(inv, 'b', 'legacy').map((w) => w.name)).toEqual(['job']); // the deprecated field counts
    expect(workloadIndex(inv).byKey.get('Deployment/a/web')?.name).toBe('web');
  });

  it('finds pods by node and namespace', () => {
    expect(podsOnNode(inv, 'n1').map((p) => p.metadata.name)).toEqual(['debug', 'job']);
    expect(
      podIndex(inv)
        .byNamespace.get('b')
        ?.map((p) => p.metadata.name),
    ).toEqual(['job', 'other']);
  });

  it('finds bindings by subject, ClusterRoleBindings first, each once', () => {
    const m = bindingsBySubject(inv);
    expect(m.get('ServiceAccount:a:web-sa')?.map((b) => b.metadata.name)).toEqual(['crb', 'rb']);
    expect(m.get('Group:devs')?.map((b) => b.metadata.name)).toEqual(['crb']);
    expect(m.get('User:ann')?.map((b) => b.metadata.name)).toEqual(['rb2']);
  });

  it('is built once per inventory, and again when a list it reads is replaced', () => {
    expect(workloadIndex(inv)).toBe(workloadIndex(inv));
    const next = applyChange(inv, { type: 'ADDED', resource: 'pods', object: pod('a', 'new', restrictedSpec) }).inventory;
    expect(workloadsIn(next, 'a').map((w) => w.name)).toEqual(['web', 'debug', 'new']);
    expect(workloadsIn(inv, 'a').map((w) => w.name)).toEqual(['web', 'debug']); // the inventory's order
  });

  it('flattens containers once per spec, tolerating malformed entries', () => {
    const spec = {
      initContainers: [{ name: 'init' }],
      containers: [{ name: 'app', securityContext: { privileged: true } }, null, 'x', { image: 'i' }],
      ephemeralContainers: 'no',
    };
    const flat = flatContainers(spec as never);
    expect(flat.map((c) => [c.name, c.path, c.ownName])).toEqual([
      ['init', 'spec.initContainers[0]', 'init'],
      ['app', 'spec.containers[0]', 'app'],
      ['spec.containers[3]', 'spec.containers[3]', undefined],
    ]);
    expect(flat[1]!.sc).toEqual({ privileged: true });
    expect(flatContainers(spec as never)).toBe(flat);
    expect(rawContainers(spec as never)).toHaveLength(3);
  });
});
