// The NetworkPolicy and namespace-label checks, each with a failing and a passing inventory.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { deployment, inventoryOf, namespace, restrictedSpec } from '../../test-inventory';
import { run } from '../test-support';
import namespaceEnforcesPrivileged from './namespace-enforces-privileged';
import namespaceNoDefaultDeny from './namespace-no-default-deny';
import namespaceNoEnforceLevel from './namespace-no-enforce-level';
import networkPolicyAllowsAll from './network-policy-allows-all';
import workloadNotSelected from './workload-not-selected-by-network-policy';

const np = (name: string, spec: Record<string, unknown>, ns = 'shop'): K8sObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: ns },
  spec,
});
const denyAll = np('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const web = deployment('shop', 'web', restrictedSpec);
const db = deployment('shop', 'db', restrictedSpec);

describe('pod-security.namespace-no-default-deny', () => {
  it('reports a namespace whose policies deny nothing by default, and by direction', () => {
    const onlyWeb = np('web', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: {} }] }] });
    expect(run(namespaceNoDefaultDeny, [namespace('shop'), web, onlyWeb])).toEqual([
      {
        resource: { kind: 'Namespace', namespace: null, name: 'shop', apiVersion: 'v1' },
        severity: 'medium',
        message: expect.stringMatching(/^Namespace shop has 1 NetworkPolicy but none denies ingress or egress by default/),
      },
    ]);
    const ingressOnly = run(namespaceNoDefaultDeny, [web, np('deny-in', { podSelector: {} })]);
    expect(ingressOnly.map((f) => [f.severity, f.message.includes('denies egress by default')])).toEqual([['low', true]]);
  });

  it('passes a default deny in both directions, split over two policies or not, and leaves policy-less namespaces to namespace-no-network-policy', () => {
    expect(run(namespaceNoDefaultDeny, [web, denyAll])).toEqual([]);
    expect(run(namespaceNoDefaultDeny, [web, np('in', { podSelector: {} }), np('out', { podSelector: {}, policyTypes: ['Egress'] })])).toEqual([]);
    const inv = inventoryOf([web]);
    expect(namespaceNoDefaultDeny.evaluate(inv)).toEqual([]);
    expect(namespaceNoDefaultDeny.examines?.(inv)).toEqual([]);
  });
});

describe('pod-security.workload-not-selected-by-network-policy', () => {
  const webOnly = np('web-in', { podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } });

  it('reports the workloads no policy of their namespace selects', () => {
    const out = run(workloadNotSelected, [web, db, webOnly]);
    expect(out).toEqual([
      {
        resource: { kind: 'Deployment', namespace: 'shop', name: 'db', apiVersion: 'apps/v1' },
        message:
          'Deployment shop/db (pod labels app=db) is not selected by the only NetworkPolicy in shop: its pods accept traffic from anywhere and can reach anything.',
      },
    ]);
  });

  it('passes when a default deny selects everything, and skips host-network pods and policy-less namespaces', () => {
    expect(run(workloadNotSelected, [web, db, webOnly, denyAll])).toEqual([]);
    const agent = deployment('shop', 'agent', { ...restrictedSpec, hostNetwork: true });
    expect(run(workloadNotSelected, [web, agent, webOnly])).toEqual([]);
    expect(run(workloadNotSelected, [web, db])).toEqual([]);
    expect(workloadNotSelected.examines?.(inventoryOf([web, agent, webOnly])).map((r) => r.name)).toEqual(['web']);
  });
});

describe('pod-security.network-policy-allows-all', () => {
  it('reports open rules, medium for ingress and low for egress only', () => {
    const out = run(networkPolicyAllowsAll, [
      np('open-in', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: {} }] }, {}] }),
      np('open-out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }] }),
    ]);
    expect(out.map((f) => [f.resource.name, f.severity, f.message])).toEqual([
      ['open-in', 'medium', 'NetworkPolicy shop/open-in selects app=web and allows all ingress: ingress rule 2 (no "from": any source, any port).'],
      ['open-out', 'low', 'NetworkPolicy shop/open-out selects all pods and allows all egress: egress rule 1 (to ipBlock 0.0.0.0/0, any port).'],
    ]);
  });

  it('passes rules narrowed by peer or port, and a rule for a direction the policy does not isolate', () => {
    expect(
      run(networkPolicyAllowsAll, [
        denyAll,
        np('https-out', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }] }),
        np('ignored', { podSelector: {}, policyTypes: ['Ingress'], egress: [{}] }),
      ]),
    ).toEqual([]);
  });
});

describe('pod-security namespace labels', () => {
  const ns = (labels: Record<string, string>) => namespace('shop', labels);

  it('namespace-enforces-privileged reports an explicit privileged enforce level only', () => {
    expect(run(namespaceEnforcesPrivileged, [ns({ 'pod-security.kubernetes.io/enforce': 'privileged' }), web]).map((f) => f.message)).toEqual([
      expect.stringContaining('Namespace shop is labelled pod-security.kubernetes.io/enforce=privileged'),
    ]);
    expect(run(namespaceEnforcesPrivileged, [ns({ 'pod-security.kubernetes.io/enforce': 'baseline' }), web])).toEqual([]);
    expect(run(namespaceEnforcesPrivileged, [ns({}), web])).toEqual([]); // namespace-no-enforce-level's finding
    expect(run(namespaceEnforcesPrivileged, [ns({ 'pod-security.kubernetes.io/enforce': 'privileged' })])).toEqual([]); // nothing runs there
  });

  it('namespace-no-enforce-level says when warn/audit stand in for enforce', () => {
    const out = run(namespaceNoEnforceLevel, [ns({ 'pod-security.kubernetes.io/warn': 'baseline', 'pod-security.kubernetes.io/audit': 'restricted' }), web]);
    expect(out[0]!.message).toContain('It only reports violations (warn=baseline, audit=restricted): warn and audit admit the pod anyway.');
    expect(run(namespaceNoEnforceLevel, [ns({}), web])[0]!.message).not.toContain('only reports');
  });
});

describe('pod-security.namespace-no-enforce-level on empty namespaces', () => {
  it('reports an unlabelled namespace at low severity before its first pod, and medium once it runs one', () => {
    const empty = namespace('payments-next');
    expect(run(namespaceNoEnforceLevel, [empty]).map((f) => [f.resource.name, f.severity])).toEqual([['payments-next', 'low']]);
    expect(run(namespaceNoEnforceLevel, [empty])[0]!.message).toContain('runs no workload yet');
    expect(run(namespaceNoEnforceLevel, [namespace('shop'), web]).map((f) => [f.resource.name, f.severity ?? 'medium'])).toEqual([['shop', 'medium']]);
    expect(run(namespaceNoEnforceLevel, [namespace('payments-next', { 'pod-security.kubernetes.io/enforce': 'restricted' })])).toEqual([]);
  });

  it('leaves the control plane’s empty namespaces alone, but not once they run workloads', () => {
    const system = ['kube-system', 'kube-public', 'kube-node-lease'].map((n) => namespace(n));
    expect(run(namespaceNoEnforceLevel, system)).toEqual([]);
    expect(namespaceNoEnforceLevel.examines!(inventoryOf(system))).toEqual([]);
    expect(run(namespaceNoEnforceLevel, [...system, deployment('kube-public', 'oops', restrictedSpec)]).map((f) => f.resource.name)).toEqual(['kube-public']);
  });
});
