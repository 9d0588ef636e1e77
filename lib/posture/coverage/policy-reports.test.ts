import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseObjects } from '../../cluster/manifests';
import type { K8sObject } from '../../cluster/types';
import { isNotAssessed } from '../check';
import hostPolicyReports from '../checks/host-security/policy-report-failures';
import imagePolicyReports from '../checks/image-vulnerabilities/policy-report-failures';
import registryPolicyReports from '../checks/registry-security/policy-report-failures';
import { deployment, inventoryOf, namespace, restrictedSpec } from '../test-inventory';
import { areaOfResult } from './policy-reports';

const kubeBench = parseObjects(readFileSync(join(__dirname, 'testdata', 'kube-bench.yaml'), 'utf8'), 'kube-bench.yaml');

const rs: K8sObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-5d8f', namespace: 'shop', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true }] },
  spec: { template: { spec: restrictedSpec } },
};
const kyvernoReport = (result: string): K8sObject => ({
  apiVersion: 'wgpolicyk8s.io/v1alpha2',
  kind: 'PolicyReport',
  metadata: { name: 'rs-web-5d8f', namespace: 'shop' },
  scope: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d8f', namespace: 'shop' },
  results: [
    {
      source: 'kyverno',
      policy: 'restrict-image-registries',
      rule: 'validate-registries',
      category: 'Best Practices, EKS Best Practices',
      severity: 'medium',
      result,
      message: 'validation error: Unknown image registry.',
    },
    {
      source: 'kyverno',
      policy: 'disallow-privileged-containers',
      rule: 'privileged-containers',
      category: 'Pod Security Standards (Baseline)',
      severity: 'medium',
      result: 'fail',
    },
  ],
});

describe('areaOfResult', () => {
  it.each([
    [{ source: 'kyverno', policy: 'verify-image-signatures', category: 'Software Supply Chain Security' }, 'registry-security'],
    [{ source: 'kyverno', policy: 'disallow-latest-tag', category: 'Best Practices' }, 'registry-security'],
    [{ source: 'kube-bench', policy: '4.2 Kubelet', category: 'CIS Benchmarks - Worker Node Security Configuration' }, 'host-security'],
    [{ source: 'Falco', policy: 'Terminal shell in container', category: 'SI - System and Information Integrity' }, 'runtime-security'],
    [{ source: 'trivy', policy: 'CVE-2024-6387', category: 'Vulnerability Scan' }, 'image-vulnerabilities'],
    [{ source: 'kyverno', policy: 'disallow-host-path', category: 'Pod Security Standards (Baseline)' }, null],
  ])('%o -> %s', (r, area) => {
    expect(areaOfResult(r)).toBe(area);
  });
});

describe('<area>.policy-report-failures', () => {
  it('turns a failed registry rule into a finding on the owning workload, leaving pod-security results alone', () => {
    const out = registryPolicyReports.evaluate(inventoryOf([deployment('shop', 'web', restrictedSpec), rs, kyvernoReport('fail')]));
    expect(out).toEqual([
      expect.objectContaining({
        severity: 'medium',
        resource: expect.objectContaining({ kind: 'Deployment', namespace: 'shop', name: 'web' }),
        message: expect.stringMatching(/^kyverno reports fail for Deployment shop\/web on restrict-image-registries\/validate-registries: validation error/),
      }),
    ]);
  });

  it('passes when the same rule passes', () => {
    expect(registryPolicyReports.evaluate(inventoryOf([deployment('shop', 'web', restrictedSpec), rs, kyvernoReport('pass')]))).toEqual([]);
  });

  it('reads kube-bench ClusterPolicyReports as host findings on the node', () => {
    const out = hostPolicyReports.evaluate(inventoryOf(kubeBench));
    expect(out).toEqual([
      expect.objectContaining({
        severity: 'high',
        resource: expect.objectContaining({ kind: 'Node', name: 'worker-1' }),
        message: expect.stringContaining('--anonymous-auth is true'),
      }),
    ]);
  });

  it('is not assessed without reports, or when no result is about the area', () => {
    expect(isNotAssessed(hostPolicyReports.evaluate(inventoryOf([namespace('a')])))).toBe(true);
    expect(isNotAssessed(imagePolicyReports.evaluate(inventoryOf(kubeBench)))).toBe(true);
  });
});
