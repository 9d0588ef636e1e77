import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../../cluster/types';
import { isNotAssessed } from '../../../check';
import { deployment, inventoryOf, restrictedSpec } from '../../../test-inventory';
import knownVulnerabilities from '../known-vulnerabilities';
import workloadWithoutReport from '../workload-without-report';

const rs: K8sObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-5d8f', namespace: 'shop', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', controller: true }] },
  spec: { template: { spec: restrictedSpec } },
};
const report = (critical: number, high: number): K8sObject => ({
  apiVersion: 'aquasecurity.github.io/v1alpha1',
  kind: 'VulnerabilityReport',
  metadata: {
    name: 'replicaset-web-5d8f-app',
    namespace: 'shop',
    labels: {
      'trivy-operator.resource.kind': 'ReplicaSet',
      'trivy-operator.resource.name': 'web-5d8f',
      'trivy-operator.resource.namespace': 'shop',
      'trivy-operator.container.name': 'app',
    },
  },
  report: {
    registry: { server: 'index.docker.io' },
    artifact: { repository: 'library/nginx', tag: '1.25' },
    summary: { criticalCount: critical, highCount: high, mediumCount: 4, lowCount: 9 },
    vulnerabilities: [{ vulnerabilityID: 'CVE-2024-6387', severity: 'HIGH', resource: 'openssh-server', fixedVersion: '1:9.2p1-2+deb12u3' }],
  },
});

describe('image-vulnerabilities checks', () => {
  it('maps a report on a ReplicaSet to its Deployment and names a CVE', () => {
    const out = knownVulnerabilities.evaluate(inventoryOf([deployment('shop', 'web', restrictedSpec), rs, report(1, 2)]));
    expect(out).toEqual([
      expect.objectContaining({
        severity: 'critical',
        resource: expect.objectContaining({ kind: 'Deployment', name: 'web', namespace: 'shop' }),
        message: expect.stringMatching(/index\.docker\.io\/library\/nginx:1\.25 with 1 critical and 2 high .*CVE-2024-6387 in openssh-server/),
      }),
    ]);
  });

  it('passes a report with only medium and low vulnerabilities', () => {
    expect(knownVulnerabilities.evaluate(inventoryOf([deployment('shop', 'web', restrictedSpec), rs, report(0, 0)]))).toEqual([]);
  });

  it('is not assessed, rather than passing, when there are no reports at all', () => {
    const out = knownVulnerabilities.evaluate(inventoryOf([deployment('shop', 'web', restrictedSpec)]));
    expect(isNotAssessed(out)).toBe(true);
    expect(isNotAssessed(workloadWithoutReport.evaluate(inventoryOf([deployment('shop', 'web', restrictedSpec)])))).toBe(true);
  });

  it('names workloads that no report covers', () => {
    const out = workloadWithoutReport.evaluate(
      inventoryOf([deployment('shop', 'web', restrictedSpec), deployment('shop', 'api', restrictedSpec), rs, report(0, 0)]),
    );
    expect(out).toEqual([expect.objectContaining({ resource: expect.objectContaining({ name: 'api' }) })]);
  });

  it('reads ClusterVulnerabilityReports too', () => {
    const cluster = { ...report(2, 0), kind: 'ClusterVulnerabilityReport', metadata: { ...report(2, 0).metadata, namespace: undefined } };
    const out = knownVulnerabilities.evaluate(inventoryOf([deployment('shop', 'web', restrictedSpec), rs, cluster]));
    expect(out).toEqual([expect.objectContaining({ severity: 'critical', resource: expect.objectContaining({ kind: 'Deployment', name: 'web' }) })]);
  });
});
