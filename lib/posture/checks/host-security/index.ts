import type { Check } from '../../check';
import clusterEndOfLife from './cluster-end-of-life';
import coverage from './coverage';
import kernelPossiblyVulnerable from './kernel-possibly-vulnerable';
import kubeletEndOfLife from './kubelet-end-of-life';
import kubernetesKnownCves from './kubernetes-known-cves';
import osEndOfLife from './os-end-of-life';
import podReachesHost from './pod-reaches-host';
import policyReportFailures from './policy-report-failures';

export const hostSecurityChecks: readonly Check[] = [
  coverage,
  clusterEndOfLife,
  kubeletEndOfLife,
  kubernetesKnownCves,
  osEndOfLife,
  kernelPossiblyVulnerable,
  podReachesHost,
  policyReportFailures,
];
