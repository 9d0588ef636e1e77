import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseObjects } from '../../cluster/manifests';
import type { K8sObject } from '../../cluster/types';
import { inventoryOf, namespace, pod } from '../test-inventory';
import { detectCoverage } from './detect';
import { registryPolicy } from './registry-policies';

const fixture = (name: string): K8sObject[] => parseObjects(readFileSync(join(__dirname, 'testdata', name), 'utf8'), name);
const nodes = fixture('nodes.yaml');

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
  it('reports every uncovered area as not covered, with what would cover it, when no tool is installed', () => {
    const cov = detectCoverage(inventoryOf([namespace('a')]));
    for (const area of ['image-vulnerabilities', 'host-security', 'registry-security', 'runtime-security'] as const) {
      expect(cov[area]).toMatchObject({ status: 'not-covered', tools: [] });
      expect(cov[area]?.suggestion).toMatch(/^Install /);
    }
  });

  it('recognises Trivy Operator from its Helm-installed CRD and Deployment', () => {
    const cov = detectCoverage(inventoryOf(fixture('trivy-operator.yaml')));
    expect(cov['image-vulnerabilities']).toMatchObject({
      status: 'covered',
      tools: [{ name: 'Trivy Operator', evidence: 'Deployment trivy-system/trivy-operator (image ghcr.io/aquasecurity/trivy-operator:0.24.1)' }],
    });
    expect(cov['runtime-security']?.status).toBe('not-covered');
  });

  it('recognises Trivy Operator by its CRD alone', () => {
    const cov = detectCoverage(inventoryOf([crd('aquasecurity.github.io', 'vulnerabilityreports')]));
    expect(cov['image-vulnerabilities']).toMatchObject({
      status: 'covered',
      tools: [{ name: 'Trivy Operator', evidence: 'CustomResourceDefinition vulnerabilityreports.aquasecurity.github.io' }],
    });
  });

  describe('Falco, a node agent', () => {
    it('is partial when, without status, its tolerations keep it off tainted nodes', () => {
      const cov = detectCoverage(inventoryOf([...nodes, ...fixture('falco.yaml')]));
      expect(cov['runtime-security']?.status).toBe('partial');
      expect(cov['runtime-security']?.tools[0]).toMatchObject({
        name: 'Falco',
        evidence: 'DaemonSet falco/falco (image docker.io/falcosecurity/falco:0.39.2)',
        role: expect.stringContaining('exclude cp-1, gpu-1'),
      });
    });

    it('is covered when it tolerates every taint (node-condition taints are tolerated by the DaemonSet controller)', () => {
      const falco = fixture('falco.yaml')[0]!;
      falco.spec.template.spec.tolerations = [{ operator: 'Exists', effect: 'NoSchedule' }];
      expect(detectCoverage(inventoryOf([...nodes, falco]))['runtime-security']?.status).toBe('covered');
    });

    it('is partial when a nodeSelector leaves nodes out', () => {
      const falco = fixture('falco.yaml')[0]!;
      falco.spec.template.spec.tolerations = [{ operator: 'Exists' }];
      falco.spec.template.spec.nodeSelector = { 'acme.com/pool': 'gpu' };
      const cov = detectCoverage(inventoryOf([...nodes, falco]));
      expect(cov['runtime-security']?.tools[0]?.role).toMatch(/exclude cp-1, worker-1/);
    });

    it('trusts the DaemonSet status when there is one', () => {
      const three = [node('a'), node('b'), node('c')];
      expect(detectCoverage(inventoryOf([...three, daemonSet('docker.io/falcosecurity/falco:0.39.2', 2)]))['runtime-security']).toMatchObject({
        status: 'partial',
        tools: [expect.objectContaining({ role: expect.stringContaining('scheduled on 2 of 3 nodes') })],
      });
      expect(detectCoverage(inventoryOf([...three, daemonSet('falcosecurity/falco:0.39.2', 3)]))['runtime-security']?.status).toBe('covered');
    });
  });

  it('does not mistake a look-alike image name for the tool', () => {
    const cov = detectCoverage(inventoryOf([daemonSet('example.com/not-falcosecurity/falco-exporter:1', 1)]));
    expect(cov['runtime-security']?.status).toBe('not-covered');
  });

  it('calls an agent whose CRDs are installed but whose DaemonSet is missing partial', () => {
    const cov = detectCoverage(inventoryOf([crd('cilium.io', 'tracingpolicies')]));
    expect(cov['runtime-security']).toMatchObject({
      status: 'partial',
      tools: [{ name: 'Tetragon', role: expect.stringContaining('DaemonSet was not found') }],
    });
  });

  it('recognises Kyverno by CRD, webhook and image, but only as partial registry coverage without a visible policy', () => {
    const cov = detectCoverage(inventoryOf(fixture('kyverno.yaml')));
    expect(cov['registry-security']).toMatchObject({
      status: 'partial',
      tools: [{ name: 'Kyverno', role: expect.stringContaining('no registry-pinning or signature policy visible') }],
      suggestion: expect.stringMatching(/^Install /),
    });
  });

  it('recognises Kyverno by its webhook configuration alone', () => {
    const webhookOnly = fixture('kyverno.yaml').filter((o) => o.kind === 'ValidatingWebhookConfiguration');
    expect(detectCoverage(inventoryOf(webhookOnly))['registry-security']?.tools[0]).toMatchObject({
      name: 'Kyverno',
      evidence: 'ValidatingWebhookConfiguration kyverno-resource-validating-webhook-cfg',
    });
    const renamed = { ...webhookOnly[0]!, metadata: { name: 'custom-name' } };
    expect(detectCoverage(inventoryOf([renamed]))['registry-security']?.tools[0]?.evidence).toBe(
      'ValidatingWebhookConfiguration custom-name (webhook validate.kyverno.svc-fail)',
    );
  });

  it('recognises Gatekeeper from its release manifest', () => {
    const cov = detectCoverage(inventoryOf(fixture('gatekeeper.yaml')));
    expect(cov['registry-security']).toMatchObject({ status: 'partial', tools: [{ name: 'OPA Gatekeeper' }] });
    const webhookOnly = fixture('gatekeeper.yaml').filter((o) => o.kind === 'ValidatingWebhookConfiguration');
    expect(detectCoverage(inventoryOf(webhookOnly))['registry-security']?.tools[0]?.evidence).toBe(
      'ValidatingWebhookConfiguration gatekeeper-validating-webhook-configuration',
    );
  });

  it('recognises kube-bench by its CronJob and its PolicyReport, and calls a one-off Job partial', () => {
    const cov = detectCoverage(inventoryOf(fixture('kube-bench.yaml')));
    expect(cov['host-security']).toMatchObject({
      status: 'covered',
      tools: [{ name: 'kube-bench', evidence: 'CronJob kube-bench/kube-bench (image docker.io/aquasec/kube-bench:v0.10.1)' }],
    });
    const reportOnly = fixture('kube-bench.yaml').filter((o) => o.kind === 'ClusterPolicyReport');
    expect(detectCoverage(inventoryOf(reportOnly))['host-security']?.tools[0]?.evidence).toBe(
      'ClusterPolicyReport kube-bench-cis-node (results from kube-bench)',
    );
    const job: K8sObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'kube-bench', namespace: 'default' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'kube-bench', image: 'aquasec/kube-bench:latest' }] } } },
    };
    expect(detectCoverage(inventoryOf([job]))['host-security']).toMatchObject({ status: 'partial', tools: [{ role: expect.stringContaining('one-off') }] });
  });

  it('counts a sandboxed RuntimeClass as partial runtime coverage and names its users', () => {
    const rc: K8sObject = { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', metadata: { name: 'gvisor' }, handler: 'runsc' };
    const cov = detectCoverage(inventoryOf([rc, pod('ml', 'nb', { runtimeClassName: 'gvisor', containers: [{ name: 'c', image: 'x' }] })]));
    expect(cov['runtime-security']).toMatchObject({
      status: 'partial',
      tools: [{ name: 'gVisor sandbox', evidence: 'RuntimeClass gvisor (handler runsc), used by Pod ml/nb' }],
    });
  });
});

describe('registryPolicy', () => {
  it('recognises Kyverno verifyImages and image validate patterns, not other policies', () => {
    const [verify, restrict, labels] = fixture('kyverno-policies.yaml');
    expect(policyText(verify!)).toEqual({ tool: 'Kyverno', evidence: 'ClusterPolicy verify-image-signatures (verifyImages)' });
    expect(policyText(restrict!)).toEqual({ tool: 'Kyverno', evidence: 'ClusterPolicy restrict-image-registries (validates image references)' });
    expect(registryPolicy(labels!)).toBeNull();
  });

  it('recognises a Gatekeeper K8sAllowedRepos constraint and a Sigstore ClusterImagePolicy', () => {
    expect(policyText(fixture('gatekeeper-constraint.yaml')[0]!)).toEqual({ tool: 'OPA Gatekeeper', evidence: 'K8sAllowedRepos repo-is-acme' });
    const cip: K8sObject = {
      apiVersion: 'policy.sigstore.dev/v1beta1',
      kind: 'ClusterImagePolicy',
      metadata: { name: 'signed' },
      spec: { images: [{ glob: '**' }] },
    };
    expect(registryPolicy(cip)?.tool).toBe('Sigstore policy-controller');
  });
});

/** A policy's evidence as the page shows it (it is a Message with its names marked). */
function policyText(o: K8sObject) {
  const p = registryPolicy(o);
  return p && { ...p, evidence: String(p.evidence) };
}
