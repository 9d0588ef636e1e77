import { describe, expect, it } from 'vitest';
import { applyChange } from '../../cluster/apply-change';
import { binding, deployment, inventoryOf, namespace, pod, restrictedSpec } from '../test-inventory';
import type { K8sObject } from '../../cluster/types';
import { bindingsBySubject, flatContainers, podIndex, podsOnNode, workloadOfPod, rawContainers, workloadIndex, workloadsIn, workloadsRunningAs } from './index';

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

  it("gives each pod's workload as buildInventory recorded it, and the same when the record is absent", () => {
    const owner = (kind: string, name: string) => [{ apiVersion: 'apps/v1', kind, name, uid: `${kind}-${name}`, controller: true }];
    const owned = (kind: string, name: string, ns: string, of: ReturnType<typeof owner>, extra: object = {}): K8sObject =>
      ({ apiVersion: 'apps/v1', kind, metadata: { name, namespace: ns, ownerReferences: of }, ...extra }) as K8sObject;
    const inv2 = inventoryOf([
      deployment('a', 'web', restrictedSpec),
      owned('ReplicaSet', 'web-1', 'a', owner('Deployment', 'web'), { spec: { template: { spec: restrictedSpec } } }),
      owned('Pod', 'web-1-x', 'a', owner('ReplicaSet', 'web-1'), { apiVersion: 'v1', spec: { ...restrictedSpec, nodeName: 'n1' } }),
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'a' }, spec: { jobTemplate: { spec: { template: { spec: restrictedSpec } } } } },
      owned('Job', 'nightly-1', 'a', owner('CronJob', 'nightly'), { apiVersion: 'batch/v1', spec: { template: { spec: restrictedSpec } } }),
      owned('Pod', 'nightly-1-y', 'a', owner('Job', 'nightly-1'), { apiVersion: 'v1', spec: restrictedSpec }),
      // Its ReplicaSet was not read: the pod stands for itself.
      owned('Pod', 'orphan', 'a', owner('ReplicaSet', 'gone'), { apiVersion: 'v1', spec: restrictedSpec }),
      pod('a', 'bare', restrictedSpec),
    ]);
    const name = (p: string) => {
      const w = workloadOfPod(inv2)(inv2.objects.pods.find((x) => x.metadata.name === p)!);
      return w && `${w.kind}/${w.name}`;
    };
    expect(['web-1-x', 'nightly-1-y', 'orphan', 'bare'].map(name)).toEqual(['Deployment/web', 'CronJob/nightly', 'Pod/orphan', 'Pod/bare']);
    expect(inv2.podWorkloads).toBeDefined();
    const { podWorkloads: recorded, ...without } = inv2;
    const derived = workloadOfPod(without);
    for (const p of inv2.objects.pods) expect(derived(p)).toBe(recorded!.get('a')!.get(p)); // the same workload objects
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
