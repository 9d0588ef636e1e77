import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { binding, inventoryOf } from '../test-inventory';
import { accessInNamespace, restrictAccess } from './namespace-access';

const cr = (name: string, rules: unknown[]): K8sObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules });

describe('accessInNamespace', () => {
  const inv = inventoryOf([
    cr('view', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]),
    cr('admin', [
      { apiGroups: [''], resources: ['secrets', 'pods', 'pods/exec'], verbs: ['get', 'create'] },
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create'] },
    ]),
    cr('god', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
    binding('RoleBinding', 'oncall', 'admin', [{ kind: 'Group', name: 'oncall' }], 'shop'),
    binding('RoleBinding', 'devs', 'view', [{ kind: 'Group', name: 'devs' }], 'shop'),
    binding('RoleBinding', 'elsewhere', 'admin', [{ kind: 'Group', name: 'other' }], 'other'),
    binding('ClusterRoleBinding', 'alice', 'god', [{ kind: 'User', name: 'alice' }]),
    binding('ClusterRoleBinding', 'readers', 'view', [{ kind: 'Group', name: 'readers' }]),
  ]);

  it("lists the namespace's own bindings with their powers, and cluster-wide grants only when notable", () => {
    const { local, clusterWide } = accessInNamespace(inv, 'shop');
    expect(local).toEqual([
      { subject: 'Group devs', subjectRef: { kind: 'Group', name: 'devs' }, role: 'ClusterRole view', binding: 'RoleBinding devs', powers: [] },
      {
        subject: 'Group oncall',
        subjectRef: { kind: 'Group', name: 'oncall' },
        role: 'ClusterRole admin',
        binding: 'RoleBinding oncall',
        powers: ['read Secrets', 'exec into pods', 'create workloads', 'change RoleBindings'],
      },
    ]);
    expect(clusterWide).toEqual([{ subject: 'User alice', subjectRef: { kind: 'User', name: 'alice' }, role: 'ClusterRole god', binding: 'ClusterRoleBinding alice', powers: ['everything'] }]);
  });

  it('for a viewer of shop only: cluster-wide grants by their powers, their subjects by kind; local ServiceAccounts of other namespaces by kind', () => {
    const withSa = inventoryOf([
      cr('god', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
      binding('ClusterRoleBinding', 'alice', 'god', [{ kind: 'User', name: 'alice' }]),
      binding('ClusterRoleBinding', 'shop-bot', 'god', [{ kind: 'ServiceAccount', name: 'bot', namespace: 'shop' }]),
      binding('RoleBinding', 'ci', 'god', [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }, { kind: 'Group', name: 'oncall' }], 'shop'),
    ]);
    const r = restrictAccess(accessInNamespace(withSa, 'shop'), new Set(['shop']));
    expect(r.clusterWide.map(({ subject, role, binding, powers }) => ({ subject, role, binding, powers }))).toEqual([
      { subject: 'a User', role: 'ClusterRole', binding: 'ClusterRoleBinding #1', powers: ['everything'] },
      { subject: 'ServiceAccount shop/bot', role: 'ClusterRole', binding: 'ClusterRoleBinding #2', powers: ['everything'] },
    ]);
    expect(r.local.map((x) => x.subject)).toEqual(['a ServiceAccount of another namespace', 'Group oncall']);
  });
});
