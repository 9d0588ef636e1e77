import type { Check } from '../../check';
import coverage from './coverage';
import ingressNginxKnownCves from './ingress-nginx-known-cves';
import knownVulnerabilities from './known-vulnerabilities';
import policyReportFailures from './policy-report-failures';
import workloadWithoutReport from './workload-without-report';

export const imageVulnerabilitiesChecks: readonly Check[] = [coverage, knownVulnerabilities, ingressNginxKnownCves, workloadWithoutReport, policyReportFailures];
