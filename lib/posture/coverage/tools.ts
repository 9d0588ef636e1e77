// Known tools that close a gap Kubernetes leaves, and how each shows itself through the API.
// Matching is on objects only the tool creates (its CRDs, webhooks, images), never on names a
// user could give anything.
import type { AreaId } from '../types';

export interface ToolSignature {
  name: string;
  /** Areas it covers, and whether alone it covers the area fully. */
  covers: { area: AreaId; role: string; full: boolean }[];
  crdGroups?: string[];
  /** Substrings of image repositories (registry host excluded). */
  images?: string[];
  /**
   * Admission webhooks the tool registers: names of Validating/MutatingWebhookConfigurations,
   * or suffixes of the webhooks' own (domain-qualified) names inside them.
   */
  webhookNames?: string[];
  webhookSuffixes?: string[];
  /** Services that admission webhooks call (clientConfig.service.name). */
  webhookServices?: string[];
  /** `source` of its wg-policy PolicyReport results. */
  policyReportSources?: string[];
  /** A node agent that must run on every node to cover it. */
  perNode?: boolean;
  /** An admission engine: it covers registry security only through policies the inventory cannot read today. */
  needsPolicy?: boolean;
}

export const TOOL_SIGNATURES: readonly ToolSignature[] = [
  {
    name: 'Trivy Operator',
    covers: [{ area: 'image-vulnerabilities', role: 'scans workload images and reports vulnerabilities', full: true }],
    crdGroups: ['aquasecurity.github.io'],
    images: ['aquasecurity/trivy-operator'],
  },
  {
    name: 'Falco',
    covers: [{ area: 'runtime-security', role: 'detects suspicious syscalls in running containers', full: true }],
    crdGroups: ['instance.falcosecurity.dev'],
    images: ['falcosecurity/falco', 'falcosecurity/falco-no-driver', 'falcosecurity/falco-distroless'],
    policyReportSources: ['falco'],
    perNode: true,
  },
  {
    name: 'Tetragon',
    covers: [{ area: 'runtime-security', role: 'eBPF runtime detection and enforcement', full: true }],
    crdGroups: ['cilium.io/tracingpolicies', 'cilium.io/tracingpoliciesnamespaced'],
    images: ['cilium/tetragon'],
    perNode: true,
  },
  {
    name: 'Tracee',
    covers: [{ area: 'runtime-security', role: 'eBPF runtime detection', full: true }],
    crdGroups: ['tracee.aquasec.com'],
    images: ['aquasec/tracee', 'aquasecurity/tracee'],
    perNode: true,
  },
  {
    name: 'Kyverno',
    covers: [
      { area: 'registry-security', role: 'admission policies that pin registries (validate image patterns) or verify signatures (verifyImages)', full: true },
    ],
    crdGroups: ['kyverno.io'],
    images: ['kyverno/kyverno'],
    webhookNames: [
      'kyverno-resource-validating-webhook-cfg',
      'kyverno-policy-validating-webhook-cfg',
      'kyverno-resource-mutating-webhook-cfg',
      'kyverno-policy-mutating-webhook-cfg',
      'kyverno-verify-mutating-webhook-cfg',
    ],
    webhookSuffixes: ['.kyverno.svc', '.kyverno.svc-fail', '.kyverno.svc-ignore'],
    policyReportSources: ['kyverno'],
    needsPolicy: true,
  },
  {
    name: 'OPA Gatekeeper',
    covers: [{ area: 'registry-security', role: 'admission constraints that pin registries (K8sAllowedRepos and similar)', full: true }],
    crdGroups: ['templates.gatekeeper.sh', 'constraints.gatekeeper.sh'],
    images: ['openpolicyagent/gatekeeper'],
    webhookNames: ['gatekeeper-validating-webhook-configuration', 'gatekeeper-mutating-webhook-configuration'],
    webhookSuffixes: ['.gatekeeper.sh'],
    needsPolicy: true,
  },
  {
    name: 'Sigstore policy-controller',
    covers: [{ area: 'registry-security', role: 'verifies image signatures at admission (for ClusterImagePolicies in opted-in namespaces)', full: true }],
    crdGroups: ['policy.sigstore.dev'],
    images: ['sigstore/policy-controller'],
    webhookNames: ['policy.sigstore.dev', 'defaulting.clusterimagepolicy.sigstore.dev', 'validating.clusterimagepolicy.sigstore.dev'],
    webhookSuffixes: ['.sigstore.dev'],
    needsPolicy: true,
  },
  {
    name: 'Connaisseur',
    covers: [{ area: 'registry-security', role: 'verifies image signatures at admission', full: true }],
    images: ['sse-secure-systems/connaisseur', 'securesystemsengineering/connaisseur'],
    webhookNames: ['connaisseur-webhook'],
  },
  {
    name: 'Ratify',
    covers: [{ area: 'registry-security', role: 'verifies image signatures and attestations', full: true }],
    crdGroups: ['config.ratify.deislabs.io', 'config.ratify.sh'],
    images: ['deislabs/ratify', 'notaryproject/ratify'],
    needsPolicy: true,
  },
  {
    name: 'kube-bench',
    // Covered when it runs on a schedule or reports into the cluster; a one-off Job is partial.
    covers: [{ area: 'host-security', role: 'CIS benchmark of nodes', full: true }],
    images: ['aquasec/kube-bench'],
    policyReportSources: ['kube-bench'],
  },
  {
    name: 'NeuVector',
    covers: [
      { area: 'runtime-security', role: 'runtime protection', full: true },
      { area: 'image-vulnerabilities', role: 'image scanning', full: true },
      { area: 'host-security', role: 'host scanning and CIS checks', full: false },
    ],
    crdGroups: ['neuvector.com'],
    images: ['neuvector/enforcer', 'neuvector/controller'],
    webhookServices: ['neuvector-svc-admission-webhook'],
    perNode: true,
  },
  {
    name: 'Sysdig Secure',
    covers: [{ area: 'runtime-security', role: 'runtime detection agent', full: true }],
    images: ['sysdig/agent', 'sysdig/agent-slim'],
    perNode: true,
  },
  {
    name: 'Prisma Cloud Defender',
    covers: [
      { area: 'runtime-security', role: 'runtime defense', full: true },
      { area: 'image-vulnerabilities', role: 'image scanning', full: true },
    ],
    images: ['twistlock/defender', 'twistlock/private'],
    perNode: true,
  },
  {
    name: 'Aqua Enforcer',
    covers: [{ area: 'runtime-security', role: 'runtime enforcement', full: true }],
    images: ['aquasec/enforcer'],
    perNode: true,
  },
];
