// The resource-limits and network/namespace-label checks against the demo cluster: the gaps
// planted in lib/demo/README.md show up, and the well-run namespaces stay clean.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../cluster/inventory';
import { scanDemo } from '../../cluster/offline';
import type { RawFinding } from '../check';
import { run } from './test-support';
import namespaceEnforcesPrivileged from './pod-security/namespace-enforces-privileged';
import namespaceNoDefaultDeny from './pod-security/namespace-no-default-deny';
import namespaceNoEnforceLevel from './pod-security/namespace-no-enforce-level';
import namespaceNoNetworkPolicy from './pod-security/namespace-no-network-policy';
import networkPolicyAllowsAll from './pod-security/network-policy-allows-all';
import workloadNotSelected from './pod-security/workload-not-selected-by-network-policy';
import containerNoLimits from './resource-limits/container-no-limits';
import containerNoRequests from './resource-limits/container-no-requests';
import quotaNearLimit from './resource-limits/quota-near-limit';

const CHECKS = [
  containerNoLimits,
  containerNoRequests,
  quotaNearLimit,
  namespaceNoDefaultDeny,
  workloadNotSelected,
  networkPolicyAllowsAll,
  namespaceEnforcesPrivileged,
  namespaceNoEnforceLevel,
  namespaceNoNetworkPolicy,
];

let inv: Inventory;
beforeAll(async () => {
  inv = await scanDemo();
});

/** "kind namespace/name" of each finding, or "namespace" for a Namespace. */
const names = (fs: RawFinding[]) =>
  fs.map((f) => (f.resource.kind === 'Namespace' ? f.resource.name : `${f.resource.kind} ${f.resource.namespace}/${f.resource.name}`));

describe('demo cluster: resource limits and network isolation', () => {
  it('payments and checkout get no finding from these checks (checkout-web’s CPU limit comes from the LimitRange)', () => {
    for (const check of CHECKS) {
      const clean = run(check, inv).filter((f) => ['payments', 'checkout'].includes(f.resource.namespace ?? f.resource.name));
      expect(clean, check.id).toEqual([]);
    }
    const checkoutWeb = inv.workloads.find((w) => w.name === 'checkout-web')!;
    expect(checkoutWeb.spec.containers?.[0]?.resources?.limits?.cpu).toBeUndefined(); // the premise of the line above
  });

  it('legacy-crm has neither requests nor limits; staging has requests without limits', () => {
    const limits = names(run(containerNoLimits, inv));
    const requests = names(run(containerNoRequests, inv));
    for (const w of ['Deployment legacy-crm/crm-web', 'StatefulSet legacy-crm/crm-mysql', 'CronJob legacy-crm/crm-nightly-backup']) {
      expect(limits).toContain(w);
      expect(requests).toContain(w);
    }
    expect(limits).toContain('Deployment staging/staging-api');
    expect(requests).not.toContain('Deployment staging/staging-api');
    expect(limits).not.toContain('Pod data-science/jupyter-maria'); // the good counter-example
  });

  it('monitoring’s only policy covers Grafana: no default deny, Prometheus unselected, host-network node-exporter out of scope', () => {
    expect(names(run(namespaceNoDefaultDeny, inv))).toEqual(['monitoring']);
    const unselected = names(run(workloadNotSelected, inv));
    expect(unselected).toContain('StatefulSet monitoring/prometheus');
    expect(unselected.some((n) => n.includes('grafana') || n.includes('node-exporter'))).toBe(false);
    expect(names(run(namespaceNoNetworkPolicy, inv))).toEqual(expect.arrayContaining(['legacy-crm', 'staging']));
  });

  it('no demo policy opens a direction to everything (payments’ 0.0.0.0/0 egress is limited to 443 and excepts private ranges)', () => {
    expect(run(networkPolicyAllowsAll, inv)).toEqual([]);
  });

  it('data-science and monitoring enforce privileged; staging only warns and audits', () => {
    expect(names(run(namespaceEnforcesPrivileged, inv))).toEqual(['data-science', 'monitoring']);
    const staging = run(namespaceNoEnforceLevel, inv).find((f) => f.resource.name === 'staging');
    expect(staging?.message).toContain('It only reports violations (warn=baseline, audit=baseline)');
  });

  it('each new check’s remediation names the field to set in a YAML snippet', () => {
    const added = [
      containerNoLimits,
      containerNoRequests,
      quotaNearLimit,
      namespaceNoDefaultDeny,
      workloadNotSelected,
      networkPolicyAllowsAll,
      namespaceEnforcesPrivileged,
    ];
    for (const c of added) expect(c.remediation, c.id).toMatch(/:\n```yaml\n[\s\S]+\n```/);
  });

  it('the demo quotas carry status and are far from their limits', () => {
    expect(run(quotaNearLimit, inv)).toEqual([]);
    expect(quotaNearLimit.examines?.(inv).map((r) => r.name)).toEqual(['checkout-quota', 'payments-quota']);
  });
});
