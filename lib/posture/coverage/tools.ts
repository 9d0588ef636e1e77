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
  webhookNames?: string[];
  /** A node agent that must run on every node to cover it. */
  perNode?: boolean;
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
    images: ['falcosecurity/falco'],
    perNode: true,
  },
  {
    name: 'Tetragon',
    covers: [{ area: 'runtime-security', role: 'eBPF runtime detection and enforcement', full: true }],
    crdGroups: ['cilium.io/tracingpolicies'],
    images: ['cilium/tetragon'],
    perNode: true,
  },
  {
    name: 'Tracee',
    covers: [{ area: 'runtime-security', role: 'eBPF runtime detection', full: true }],
    images: ['aquasec/tracee', 'aquasecurity/tracee'],
    perNode: true,
  },
  {
    name: 'Kyverno',
    covers: [{ area: 'registry-security', role: 'admission policies (registry pinning and signature checks when such policies exist)', full: false }],
    crdGroups: ['kyverno.io'],
    images: ['kyverno/kyverno'],
  },
  {
    name: 'OPA Gatekeeper',
    covers: [{ area: 'registry-security', role: 'admission constraints (allowed registries when such constraints exist)', full: false }],
    crdGroups: ['templates.gatekeeper.sh', 'constraints.gatekeeper.sh'],
    images: ['openpolicyagent/gatekeeper'],
  },
  {
    name: 'Sigstore policy-controller',
    covers: [{ area: 'registry-security', role: 'verifies image signatures at admission', full: true }],
    crdGroups: ['policy.sigstore.dev'],
    images: ['sigstore/policy-controller'],
  },
  {
    name: 'Connaisseur',
    covers: [{ area: 'registry-security', role: 'verifies image signatures at admission', full: true }],
    images: ['sse-secure-systems/connaisseur', 'securesystemsengineering/connaisseur'],
  },
  {
    name: 'Ratify',
    covers: [{ area: 'registry-security', role: 'verifies image signatures and attestations', full: true }],
    crdGroups: ['config.ratify.deislabs.io'],
    images: ['deislabs/ratify', 'notaryproject/ratify'],
  },
  {
    name: 'kube-bench',
    covers: [{ area: 'host-security', role: 'CIS benchmark of nodes', full: false }],
    images: ['aquasec/kube-bench'],
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
