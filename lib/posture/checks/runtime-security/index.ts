import type { Check } from '../../check';
import containerdEndOfLife from './containerd-end-of-life';
import coverage from './coverage';
import dockerEngineEndOfLife from './docker-engine-end-of-life';
import policyReportFailures from './policy-report-failures';
import runtimeKnownCves from './runtime-known-cves';
import runtimeNotAssessed from './runtime-not-assessed';
import workloadNotSandboxed from './workload-not-sandboxed';

export const runtimeSecurityChecks: readonly Check[] = [
  coverage,
  containerdEndOfLife,
  dockerEngineEndOfLife,
  runtimeKnownCves,
  runtimeNotAssessed,
  workloadNotSandboxed,
  policyReportFailures,
];
