import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { binding, deployment, inventoryOf, namespace, restrictedSpec } from '../test-inventory';
import { accessToObject } from './object-access';
import { restrictAccess } from './namespace-access';

const cr = (name: string, rules: unknown[]): K8sObject => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules });

describe('accessToObject', () => {
  const inv = inventoryOf([
    namespace('shop'),
    namespace('other'),
    deployment('shop', 'cart', restrictedSpec),
    cr('deploy-editor', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['patch'] }]),
    // The core group's "deployments" is not apps': it grants nothing on the Deployment.
    cr('wrong-group', [{ apiGroups: [''], resources: ['deployments'], verbs: ['*'] }]),
    cr('named-other', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['delete'], resourceNames: ['web'] }]),
    cr('named-cart', [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['delete'], resourceNames: ['cart'] }]),
    cr('exec', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]),
    binding('RoleBinding', 'editors', 'deploy-editor', [{ kind: 'Group', name: 'shop-devs' }], 'shop'),
    binding('RoleBinding', 'elsewhere', 'deploy-editor', [{ kind: 'Group', name: 'other-devs' }], 'other'),
    binding('RoleBinding', 'wrong', 'wrong-group', [{ kind: 'User', name: 'mallory' }], 'shop'),
    binding('RoleBinding', 'web-only', 'named-other', [{ kind: 'User', name: 'wendy' }], 'shop'),
    binding('RoleBinding', 'cart-only', 'named-cart', [{ kind: 'User', name: 'carl' }], 'shop'),
    binding('ClusterRoleBinding', 'oncall-exec', 'exec', [{ kind: 'ServiceAccount', name: 'pager', namespace: 'other' }]),
  ]);

  it('honours API group, resourceNames and the binding’s namespace, and names what each can do', () => {
    const access = accessToObject(inv, { kind: 'Deployment', namespace: 'shop', name: 'cart' })!;
    expect(access.local.map((r) => `${r.subject}: ${r.powers.join(', ')}`)).toEqual(['Group shop-devs: change it', 'User carl: delete it']);
    expect(access.clusterWide.map((r) => `${r.subject} (${r.binding}): ${r.powers.join(', ')}`)).toEqual([
      'ServiceAccount other/pager (ClusterRoleBinding oncall-exec): exec into its pods',
    ]);
  });

  it('a namespace viewer sees subjects outside their namespaces by kind only', () => {
    const access = accessToObject(inv, { kind: 'Deployment', namespace: 'shop', name: 'cart' })!;
    const mine = restrictAccess(access, new Set(['shop']));
    expect(JSON.stringify(mine.clusterWide.map(({ subjectRef: _, ...r }) => r))).not.toMatch(/pager|other\/|oncall-exec/);
  });

  it('is null for what bindings cannot name (a user) and for a kind in the wrong scope', () => {
    expect(accessToObject(inv, { kind: 'User', namespace: null, name: 'alice' })).toBeNull();
    expect(accessToObject(inv, { kind: 'Deployment', namespace: null, name: 'cart' })).toBeNull();
  });
});
