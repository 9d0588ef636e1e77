import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseObjects } from '../../cluster/manifests';
import hostCoverage from '../checks/host-security/coverage';
import imageCoverage from '../checks/image-vulnerabilities/coverage';
import registryCoverage from '../checks/registry-security/coverage';
import runtimeCoverage from '../checks/runtime-security/coverage';
import { inventoryOf, namespace } from '../test-inventory';
import { detectCoverage } from './detect';

const fixture = (name: string) => parseObjects(readFileSync(join(__dirname, 'testdata', name), 'utf8'), name);

describe('<area>.coverage', () => {
  it('says an area with no tool is not covered, at the full severity, and what would cover it', () => {
    const out = runtimeCoverage.evaluate(inventoryOf([namespace('a')]));
    expect(out).toEqual([
      expect.objectContaining({
        severity: 'high',
        resource: expect.objectContaining({ kind: 'Cluster' }),
        message: expect.stringMatching(/No known tool covers this area.*What would cover it: a runtime detector \(Falco, Tetragon, Tracee\)/),
      }),
    ]);
  });

  it('passes a covered area', () => {
    expect(imageCoverage.evaluate(inventoryOf(fixture('trivy-operator.yaml')))).toEqual([]);
    expect(hostCoverage.evaluate(inventoryOf(fixture('kube-bench.yaml')))).toEqual([]);
  });

  it('reports partial coverage one step lower, with the tool and its evidence', () => {
    const out = registryCoverage.evaluate(inventoryOf(fixture('gatekeeper.yaml')));
    expect(out).toEqual([
      expect.objectContaining({
        severity: 'medium',
        message: expect.stringContaining(
          'OPA Gatekeeper, admission constraints that pin registries (K8sAllowedRepos and similar) (no registry-pinning or signature policy visible), seen as Deployment gatekeeper-system/gatekeeper-controller-manager (image openpolicyagent/gatekeeper:v3.18.2)',
        ),
      }),
    ]);
  });

  it('counts an admission engine as covering registries once a pinning policy is visible', () => {
    // The Inventory does not list Kyverno policies yet; this is the path it takes once it does.
    const inv = inventoryOf(fixture('kyverno.yaml'));
    const withPolicies = { ...inv, objects: { ...inv.objects, clusterpolicies: fixture('kyverno-policies.yaml') } };
    expect(detectCoverage(withPolicies)['registry-security']).toMatchObject({
      status: 'covered',
      tools: [{ name: 'Kyverno', evidence: expect.stringContaining('policy ClusterPolicy verify-image-signatures (verifyImages)') }],
    });
    expect(registryCoverage.evaluate(withPolicies)).toEqual([]);
  });
});
