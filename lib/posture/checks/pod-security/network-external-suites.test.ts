// Our network-policy checks on Polaris's and Kubescape's own passing and failing examples
// (testdata/external, copied verbatim). Where a project fails an example we report the workload or
// its namespace; where it passes one we report neither, except where we deliberately disagree
// (each such case says why).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseObjects } from '../../../cluster/manifests';
import { computePosture } from '../../engine';
import { inventoryOf } from '../../test-inventory';
import namespaceNoDefaultDeny from './namespace-no-default-deny';
import namespaceNoNetworkPolicy from './namespace-no-network-policy';
import workloadNotSelected from './workload-not-selected-by-network-policy';

const ROOT = path.join(__dirname, 'testdata/external');

function objectsIn(dir: string) {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => parseObjects(readFileSync(path.join(dir, f), 'utf8'), f));
}

/** "checkId Kind ns/name" of every finding of the three network checks. */
function findingsOn(objects: ReturnType<typeof objectsIn>): string[] {
  const doc = computePosture(inventoryOf(objects), { checks: [namespaceNoNetworkPolicy, namespaceNoDefaultDeny, workloadNotSelected] });
  return doc.findings.map((f) => `${f.checkId.replace('pod-security.', '')} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name}`);
}

const ABOUT_WORKLOAD = /^(workload-not-selected-by-network-policy|namespace-no-network-policy) /;

describe('Kubescape ensure_network_policy_configured_in_labels (C-0260)', () => {
  const base = path.join(ROOT, 'regolibrary/ensure_network_policy_configured_in_labels');
  // Cilium applies no direction whose list is empty (`ingress: []`, `egress: []`): the policy
  // selects the pod but restricts nothing, so the pod is open. Kubescape only tests the selector.
  const DISAGREE = new Set(['success_pod_cilium_label_match']);
  it.each(readdirSync(base))('%s', (name) => {
    const found = findingsOn(objectsIn(path.join(base, name, 'input'))).filter((f) => ABOUT_WORKLOAD.test(f));
    const kubescapeFails = name.startsWith('failed');
    expect(found.length > 0, found.join('\n')).toBe(DISAGREE.has(name) ? !kubescapeFails : kubescapeFails);
  });
});

describe('Kubescape internal-networking (C-0054)', () => {
  const base = path.join(ROOT, 'regolibrary/internal-networking');
  it('passes namespaces holding a NetworkPolicy or a CiliumNetworkPolicy', () => {
    for (const name of ['namespace-passed', 'namespace-cnp-passed']) {
      expect(findingsOn(objectsIn(path.join(base, name, 'input'))).filter((f) => f.startsWith('namespace-no-network-policy'))).toEqual([]);
    }
  });

  it('does not report namespace-failed: its namespace runs no workload (no pod to protect), a deliberate difference', () => {
    // Kubescape fails every namespace without a policy; we judge namespaces that run workloads.
    expect(findingsOn(objectsIn(path.join(base, 'namespace-failed', 'input')))).toEqual([]);
    const withPod = [
      ...objectsIn(path.join(base, 'namespace-failed', 'input')),
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'test' }, spec: { containers: [{ name: 'c', image: 'x' }] } },
    ];
    expect(findingsOn(withPod)).toContain('namespace-no-network-policy Namespace /test');
  });
});

describe('Polaris missingNetworkPolicy', () => {
  const base = path.join(ROOT, 'polaris/missingNetworkPolicy');
  const cases = readdirSync(base).filter((f) => f.endsWith('.yaml'));

  it.each(cases.filter((f) => f.startsWith('failure')))('%s: the pod or its namespace is reported', (file) => {
    const found = findingsOn(parseObjects(readFileSync(path.join(base, file), 'utf8'), file));
    expect(found.length, file).toBeGreaterThan(0);
  });

  it('failure.netpol_targets_wrong_pod_label: the pod itself is reported as unselected', () => {
    const file = 'failure.netpol_targets_wrong_pod_label.yaml';
    expect(findingsOn(parseObjects(readFileSync(path.join(base, file), 'utf8'), file))).toContain('workload-not-selected-by-network-policy Pod default/test-pod');
  });

  it('success: the pod is selected; the namespace still lacks a default deny (Polaris judges the pod alone)', () => {
    const found = findingsOn(parseObjects(readFileSync(path.join(base, 'success.yaml'), 'utf8'), 'success.yaml'));
    expect(found).toEqual(['namespace-no-default-deny Namespace /default']);
  });
});

describe('Kubernetes Goat: namespaces bypass (cache-store)', () => {
  it('reports secure-middleware, whose Redis any pod of any namespace can reach', () => {
    const file = path.join(ROOT, 'goat/cache-store/deployment.yaml');
    expect(findingsOn(parseObjects(readFileSync(file, 'utf8'), file))).toContain('namespace-no-network-policy Namespace /secure-middleware');
  });
});
