// The RBAC checks against the embedded demo cluster: the problems lib/demo/README.md says were planted are
// found, and the well-run namespaces are left alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { scanDemo } from '../../../cluster/offline';
import type { Inventory } from '../../../cluster/inventory';
import { isNotAssessed } from '../../check';
import { rbacChecks } from './index';

let inv: Inventory;
let findings: { checkId: string; binding: string; severity: string; message: string }[];

beforeAll(async () => {
  inv = await scanDemo();
  findings = rbacChecks.flatMap((c) => {
    const out = c.evaluate(inv);
    if (isNotAssessed(out)) throw new Error(`${c.id}: ${out.notAssessed}`);
    return out.map((f) => ({
      checkId: c.id,
      binding: `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}`,
      severity: f.severity ?? c.severity,
      message: f.message,
    }));
  });
});

const find = (checkId: string, binding: string) => findings.find((f) => f.checkId === checkId && f.binding === binding);

describe('RBAC checks on the demo cluster', () => {
  it.each([
    ['rbac.binds-cluster-admin', 'ClusterRoleBinding/alice-cluster-admin', 'critical', /alice@acme\.com/],
    ['rbac.binds-cluster-admin', 'ClusterRoleBinding/ci-deployer-cluster-admin', 'critical', /ServiceAccount ci\/deployer/],
    ['rbac.wildcard-permissions', 'ClusterRoleBinding/platform-superusers', 'critical', /Group platform-team every verb on every resource/],
    [
      'rbac.reads-secrets',
      'ClusterRoleBinding/everyone-troubleshoot',
      'critical',
      /Group system:authenticated get\/list\/watch Secrets across the whole cluster, through ClusterRole troubleshooter/,
    ],
    ['rbac.escalate-bind-impersonate', 'ClusterRoleBinding/team-leads-namespace-provisioner', 'critical', /Group team-leads escalate\/bind roles/],
    ['rbac.escalate-bind-impersonate', 'ClusterRoleBinding/support-impersonator', 'critical', /User bob@acme\.com impersonate users and groups/],
    [
      'rbac.reads-secrets',
      'ClusterRoleBinding/observability-readers',
      'high',
      /Group sre, ServiceAccount monitoring\/grafana .*aggregated from acme:observability-reader-secrets/,
    ],
    ['rbac.nodes-proxy', 'ClusterRoleBinding/prometheus', 'high', /ServiceAccount monitoring\/prometheus \(used by 1 workload\) get nodes\/proxy/],
    ['rbac.reads-secrets', 'ClusterRoleBinding/ingress-nginx', 'high', /ServiceAccount ingress-nginx\/ingress-nginx .* list\/watch Secrets/],
    ['rbac.reads-secrets', 'ClusterRoleBinding/kube-state-metrics', 'high', /ServiceAccount monitoring\/kube-state-metrics .* list\/watch Secrets/],
    ['rbac.reads-secrets', 'ClusterRoleBinding/cert-manager-controller-certificates', 'high', /ServiceAccount cert-manager\/cert-manager/],
    ['rbac.edits-admission-webhooks', 'ClusterRoleBinding/cert-manager-cainjector', 'high', /update\/patch admission webhook configurations/],
    ['rbac.exec-attach-pods', 'RoleBinding/legacy-crm/crm-ops', 'medium', /User dave\.contractor@partner-agency\.example/],
    ['rbac.reads-secrets', 'RoleBinding/data-science/default-sa-admin', 'medium', /ServiceAccount data-science\/default \(used by 4 workloads\)/],
  ])('%s flags %s', (checkId, binding, severity, message) => {
    expect(find(checkId, binding)).toMatchObject({ severity, message: expect.stringMatching(message) });
  });

  // The checkout on-call group holds the built-in admin role in its namespace: the intended way to delegate
  // a namespace, so only its Secrets read is reported, at low severity. Nothing else of payments or checkout is.
  it('leaves payments and checkout alone, apart from the on-call admin at low severity', () => {
    const wellRun = findings.filter((f) => /payments|checkout/.test(`${f.binding} ${f.message}`));
    expect(wellRun).toEqual([
      expect.objectContaining({ checkId: 'rbac.reads-secrets', binding: 'RoleBinding/checkout/checkout-oncall-admin', severity: 'low' }),
    ]);
  });

  it("reports no bootstrap binding and none of Kubernetes' own subjects", () => {
    expect(findings.filter((f) => /system:(masters|nodes|kube-controller-manager|kube-scheduler|bootstrappers)/.test(f.message))).toEqual([]);
    // calico's token grant is limited to its own ServiceAccount by resourceNames
    expect(findings.filter((f) => f.checkId === 'rbac.creates-sa-tokens').map((f) => f.binding)).toEqual(['RoleBinding/data-science/default-sa-admin']);
  });
});
