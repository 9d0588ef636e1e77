import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { inventoryOf, namespace } from '../test-inventory';
import { detectCoverage } from './detect';

const crd = (group: string, plural: string): K8sObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${plural}.${group}` },
  spec: { group, names: { plural, kind: 'X' }, scope: 'Namespaced' },
});
const node = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name } });
const daemonSet = (image: string, scheduled: number): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'sec' },
  spec: { template: { spec: { containers: [{ name: 'a', image }] } } },
  status: { desiredNumberScheduled: scheduled },
});

describe('detectCoverage', () => {
  it('reports every uncovered area as not covered when no tool is installed', () => {
    const cov = detectCoverage(inventoryOf([namespace('a')]));
    for (const area of ['image-vulnerabilities', 'host-security', 'registry-security', 'runtime-security'] as const) {
      expect(cov[area]).toMatchObject({ status: 'not-covered', tools: [] });
      expect(cov[area]?.suggestion).toMatch(/^Install /);
    }
  });

  it('recognises Trivy Operator by its CRD and names the evidence', () => {
    const cov = detectCoverage(inventoryOf([crd('aquasecurity.github.io', 'vulnerabilityreports')]));
    expect(cov['image-vulnerabilities']).toMatchObject({
      status: 'covered',
      tools: [{ name: 'Trivy Operator', evidence: 'CustomResourceDefinition vulnerabilityreports.aquasecurity.github.io' }],
    });
    expect(cov['runtime-security']?.status).toBe('not-covered');
  });

  it('calls a runtime detector that misses nodes partial, and one on every node covered', () => {
    const nodes = [node('a'), node('b'), node('c')];
    expect(detectCoverage(inventoryOf([...nodes, daemonSet('docker.io/falcosecurity/falco:0.39.2', 2)]))['runtime-security']?.status).toBe('partial');
    expect(detectCoverage(inventoryOf([...nodes, daemonSet('falcosecurity/falco:0.39.2', 3)]))['runtime-security']?.status).toBe('covered');
  });

  it('does not mistake a look-alike image name for the tool', () => {
    const cov = detectCoverage(inventoryOf([daemonSet('example.com/not-falcosecurity/falco-exporter:1', 1)]));
    expect(cov['runtime-security']?.status).toBe('not-covered');
  });

  it('counts an admission engine as only partial registry coverage', () => {
    expect(detectCoverage(inventoryOf([crd('kyverno.io', 'clusterpolicies')]))['registry-security']?.status).toBe('partial');
  });
});
