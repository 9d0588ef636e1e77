// One failing and one passing inventory for each non-PSS check of the walking skeleton.
import { describe, expect, it } from 'vitest';
import type { Check } from '../check';
import { binding, deployment, inventoryOf, namespace, restrictedSpec } from '../test-inventory';
import { run } from './test-support';
import anonymousBindings from './authn-authz/binding-to-everyone';
import ingressWithoutTls from './encryption/ingress-without-tls';
import namespaceNoEnforceLevel from './pod-security/namespace-no-enforce-level';
import namespaceNoNetworkPolicy from './pod-security/namespace-no-network-policy';
import bindsClusterAdmin from './rbac/binds-cluster-admin';
import mutableImageTag from './registry-security/mutable-image-tag';
import namespaceNoLimitRange from './resource-limits/namespace-no-limit-range';
import namespaceNoResourceQuota from './resource-limits/namespace-no-resource-quota';
import type { K8sObject } from '../../cluster/types';

const app = deployment('shop', 'web', restrictedSpec);
const shop = namespace('shop');
const obj = (kind: string, apiVersion: string, name: string, ns: string | undefined, rest: Record<string, unknown> = {}): K8sObject =>
  ({ apiVersion, kind, metadata: { name, namespace: ns }, ...rest }) as K8sObject;

const cases: { check: Check; failing: K8sObject[]; passing: K8sObject[]; expect: RegExp }[] = [
  {
    check: namespaceNoEnforceLevel,
    failing: [shop, app],
    // An empty namespace needs the label too (low severity, before its first pod), except the control plane's own.
    passing: [
      namespace('shop', { 'pod-security.kubernetes.io/enforce': 'restricted' }),
      app,
      namespace('empty', { 'pod-security.kubernetes.io/enforce': 'baseline' }),
      namespace('kube-node-lease'),
    ],
    expect: /Namespace shop runs workloads/,
  },
  {
    check: namespaceNoNetworkPolicy,
    failing: [shop, app],
    passing: [shop, app, obj('NetworkPolicy', 'networking.k8s.io/v1', 'deny', 'shop', { spec: { podSelector: {} } })],
    expect: /No NetworkPolicy selects any pod in namespace shop/,
  },
  {
    check: namespaceNoResourceQuota,
    failing: [shop, app],
    passing: [shop, app, obj('ResourceQuota', 'v1', 'q', 'shop')],
    expect: /shop has no ResourceQuota/,
  },
  {
    check: namespaceNoLimitRange,
    failing: [shop, app],
    passing: [shop, app, obj('LimitRange', 'v1', 'l', 'shop')],
    expect: /shop has no LimitRange/,
  },
  {
    check: bindsClusterAdmin,
    failing: [binding('ClusterRoleBinding', 'ci-admin', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }])],
    passing: [
      binding('ClusterRoleBinding', 'cluster-admin', 'cluster-admin', [{ kind: 'Group', name: 'system:masters' }], undefined, {
        'kubernetes.io/bootstrapping': 'rbac-defaults',
      }),
      binding('RoleBinding', 'view', 'view', [{ kind: 'User', name: 'bob' }], 'shop'),
    ],
    expect: /ci-admin grants cluster-admin across the whole cluster to ServiceAccount ci\/deployer/,
  },
  {
    check: anonymousBindings,
    failing: [binding('ClusterRoleBinding', 'open', 'view', [{ kind: 'Group', name: 'system:unauthenticated' }])],
    passing: [
      binding('ClusterRoleBinding', 'system:basic-user', 'system:basic-user', [{ kind: 'Group', name: 'system:authenticated' }], undefined, {
        'kubernetes.io/bootstrapping': 'rbac-defaults',
      }),
    ],
    expect: /grants ClusterRole view to system:unauthenticated/,
  },
  {
    check: ingressWithoutTls,
    failing: [obj('Ingress', 'networking.k8s.io/v1', 'site', 'shop', { spec: { rules: [{ host: 'shop.example.com' }] } })],
    passing: [
      obj('Ingress', 'networking.k8s.io/v1', 'site', 'shop', {
        spec: { tls: [{ hosts: ['shop.example.com'], secretName: 's' }], rules: [{ host: 'shop.example.com' }] },
      }),
    ],
    expect: /shop\.example\.com is served over plain HTTP/,
  },
  {
    check: mutableImageTag,
    failing: [
      deployment('shop', 'web', {
        containers: [
          { name: 'web', image: 'nginx' },
          { name: 'side', image: 'ghcr.io/x/y:latest' },
        ],
      }),
    ],
    passing: [
      deployment('shop', 'web', {
        containers: [
          { name: 'web', image: 'nginx:1.27.3' },
          { name: 'side', image: 'ghcr.io/x/y@sha256:' + 'b'.repeat(64) },
        ],
      }),
    ],
    expect: /container web uses nginx; container side uses ghcr\.io\/x\/y:latest/,
  },
];

describe.each(cases)('$check.id', ({ check, failing, passing, expect: message }) => {
  it('finds the problem and names the object', () => {
    const out = run(check, failing);
    expect(out).toHaveLength(1);
    expect(out[0]!.message).toMatch(message);
    expect(out[0]!.resource.name).toBeTruthy();
  });
  it('passes a well-configured inventory', () => {
    expect(check.evaluate(inventoryOf(passing))).toEqual([]);
  });
});
