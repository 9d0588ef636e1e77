import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import type { Check } from '../../check';
import { computePosture } from '../../engine';
import { binding, deployment, inventoryOf, pod, restrictedSpec } from '../../test-inventory';
import { findingLines, run } from '../test-support';
import legacyTokenSecret from './legacy-token-secret';
import tokenAutomountNotNeeded from './token-automount-not-needed';
import workloadDefaultServiceAccount from './workload-default-service-account';

const sa = (ns: string, name: string, automount?: boolean): K8sObject =>
  ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace: ns },
    ...(automount === undefined ? {} : { automountServiceAccountToken: automount }),
  }) as K8sObject;
const app = (ns: string, name: string, spec: Record<string, unknown> = {}) => deployment(ns, name, { ...restrictedSpec, ...spec });

function findings(check: Check, objects: K8sObject[]): string[] {
  return findingLines(check, run(check, objects));
}

describe('authn-authz.token-automount-not-needed', () => {
  it('flags a workload that mounts the token of a ServiceAccount no binding grants anything', () => {
    expect(findings(tokenAutomountNotNeeded, [sa('shop', 'web'), app('shop', 'web', { serviceAccountName: 'web' })])).toEqual([
      expect.stringMatching(
        /^medium Deployment\/shop\/web: Deployment shop\/web mounts the token of ServiceAccount web \(neither the pod spec nor the ServiceAccount sets automountServiceAccountToken: false\), yet no RoleBinding or ClusterRoleBinding grants/,
      ),
    ]);
    // The pod's explicit true wins over the ServiceAccount's false.
    expect(
      findings(tokenAutomountNotNeeded, [sa('shop', 'web', false), app('shop', 'web', { serviceAccountName: 'web', automountServiceAccountToken: true })]),
    ).toEqual([expect.stringContaining('(the pod spec sets automountServiceAccountToken: true)')]);
  });

  it('passes when the token is off (pod or ServiceAccount) or the ServiceAccount is granted a role', () => {
    expect(findings(tokenAutomountNotNeeded, [sa('shop', 'web', false), app('shop', 'web', { serviceAccountName: 'web' })])).toEqual([]);
    expect(
      findings(tokenAutomountNotNeeded, [sa('shop', 'web'), app('shop', 'web', { serviceAccountName: 'web', automountServiceAccountToken: false })]),
    ).toEqual([]);
    const granted = binding('RoleBinding', 'web-reads', 'view', [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }], 'shop');
    expect(findings(tokenAutomountNotNeeded, [sa('shop', 'web'), app('shop', 'web', { serviceAccountName: 'web' }), granted])).toEqual([]);
    const allSas = binding('ClusterRoleBinding', 'sa-view', 'view', [{ kind: 'Group', name: 'system:serviceaccounts:shop' }]);
    expect(findings(tokenAutomountNotNeeded, [sa('shop', 'web'), app('shop', 'web', { serviceAccountName: 'web' }), allSas])).toEqual([]);
  });

  it("does not count Kubernetes' bootstrap bindings as a need, and skips static mirror pods", () => {
    const bootstrap = binding(
      'ClusterRoleBinding',
      'system:service-account-issuer-discovery',
      'system:service-account-issuer-discovery',
      [{ kind: 'Group', name: 'system:serviceaccounts' }],
      undefined,
      {
        'kubernetes.io/bootstrapping': 'rbac-defaults',
      },
    );
    expect(findings(tokenAutomountNotNeeded, [sa('shop', 'web'), app('shop', 'web', { serviceAccountName: 'web' }), bootstrap])).toHaveLength(1);
    const mirror = pod('kube-system', 'etcd-cp-1', restrictedSpec, { 'kubernetes.io/config.mirror': 'abc' });
    expect(findings(tokenAutomountNotNeeded, [mirror])).toEqual([]);
  });
});

describe('authn-authz.workload-default-service-account', () => {
  it('flags workloads on the default ServiceAccount, high when it is granted roles and its token is mounted', () => {
    const adminToDefault = binding('RoleBinding', 'default-admin', 'admin', [{ kind: 'ServiceAccount', name: 'default', namespace: 'lab' }], 'lab');
    expect(findings(workloadDefaultServiceAccount, [sa('lab', 'default'), app('lab', 'notebook'), adminToDefault])).toEqual([
      expect.stringMatching(
        /^high Deployment\/lab\/notebook: Deployment lab\/notebook runs as ServiceAccount default, which is granted roles by RoleBinding default-admin, with its token mounted/,
      ),
    ]);
    expect(findings(workloadDefaultServiceAccount, [sa('lab', 'default', false), app('lab', 'notebook', { serviceAccountName: 'default' })])).toEqual([
      expect.stringMatching(/^low Deployment\/lab\/notebook: .*runs as ServiceAccount default: every pod/),
    ]);
  });

  it('passes on a dedicated ServiceAccount, and skips the control-plane namespaces', () => {
    expect(findings(workloadDefaultServiceAccount, [sa('lab', 'notebook'), app('lab', 'notebook', { serviceAccountName: 'notebook' })])).toEqual([]);
    expect(findings(workloadDefaultServiceAccount, [app('kube-system', 'dns'), app('kube-public', 'x'), app('kube-node-lease', 'y')])).toEqual([]);
  });
});

describe('authn-authz.legacy-token-secret', () => {
  const secret = (name: string, annotations: Record<string, string>, labels: Record<string, string> = {}): K8sObject =>
    ({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: { name, namespace: 'crm', annotations, labels },
      data: { token: 'c2VjcmV0' },
    }) as K8sObject;

  it('flags a service-account token Secret, with its last use', () => {
    expect(
      findings(legacyTokenSecret, [
        secret('crm-token', { 'kubernetes.io/service-account.name': 'crm' }, { 'kubernetes.io/legacy-token-last-used': '2026-11-21' }),
      ]),
    ).toEqual([
      "medium Secret/crm/crm-token: Secret crm/crm-token holds a never-expiring token for ServiceAccount crm: anyone who copied it keeps the ServiceAccount's rights until the Secret is deleted. It was last used on 2026-11-21.",
    ]);
    expect(
      findings(legacyTokenSecret, [
        secret('old', { 'kubernetes.io/service-account.name': 'crm' }, { 'kubernetes.io/legacy-token-invalid-since': '2026-01-01' }),
      ]),
    ).toEqual([expect.stringMatching(/^low .*invalidated since 2026-01-01: delete it/)]);
  });

  it('passes on other Secrets, and is not assessed when Secrets could not be listed (the default ClusterRole)', () => {
    expect(findings(legacyTokenSecret, [secret('tls', {})])).toEqual([]);
    const forbidden = inventoryOf([], { missing: { secrets: { reason: 'forbidden', detail: 'listing secrets is forbidden to this identity' } } });
    const result = computePosture(forbidden, { checks: [legacyTokenSecret] }).checks[0]!;
    expect([result.assessed, result.reason]).toEqual([false, 'listing secrets is forbidden to this identity']);
  });
});
