// The registry is the list of check files; nothing else knows which checks exist.
import type { Check } from './check';
import authnBindingToEveryone from './checks/authn-authz/anonymous-bindings';
import ingressWithoutTls from './checks/encryption/ingress-without-tls';
import hostCoverage from './checks/host-security/coverage';
import kubeletEndOfLife from './checks/host-security/kubelet-end-of-life';
import imageCoverage from './checks/image-vulnerabilities/coverage';
import knownVulnerabilities from './checks/image-vulnerabilities/known-vulnerabilities';
import workloadWithoutReport from './checks/image-vulnerabilities/workload-without-report';
import { podSecurityChecks } from './checks/pod-security/index';
import namespaceNoEnforceLevel from './checks/pod-security/namespace-no-enforce-level';
import namespaceNoNetworkPolicy from './checks/pod-security/namespace-no-network-policy';
import bindsClusterAdmin from './checks/rbac/binds-cluster-admin';
import registryCoverage from './checks/registry-security/coverage';
import mutableImageTag from './checks/registry-security/mutable-image-tag';
import namespaceNoLimitRange from './checks/resource-limits/namespace-no-limit-range';
import namespaceNoResourceQuota from './checks/resource-limits/namespace-no-resource-quota';
import containerdEndOfLife from './checks/runtime-security/containerd-end-of-life';
import runtimeCoverage from './checks/runtime-security/coverage';

export const ALL_CHECKS: readonly Check[] = [
  ...podSecurityChecks,
  namespaceNoEnforceLevel,
  namespaceNoNetworkPolicy,
  authnBindingToEveryone,
  bindsClusterAdmin,
  ingressWithoutTls,
  namespaceNoResourceQuota,
  namespaceNoLimitRange,
  imageCoverage,
  knownVulnerabilities,
  workloadWithoutReport,
  hostCoverage,
  kubeletEndOfLife,
  registryCoverage,
  mutableImageTag,
  runtimeCoverage,
  containerdEndOfLife,
];

export function checkById(id: string): Check | undefined {
  return ALL_CHECKS.find((c) => c.id === id);
}
