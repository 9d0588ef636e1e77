import type { Check } from '../../check';
import containerdEndOfLife from './containerd-end-of-life';
import coverage from './coverage';
import policyReportFailures from './policy-report-failures';
import runtimeKnownCves from './runtime-known-cves';
import workloadNotSandboxed from './workload-not-sandboxed';

export const runtimeSecurityChecks: readonly Check[] = [coverage, containerdEndOfLife, runtimeKnownCves, workloadNotSandboxed, policyReportFailures];
