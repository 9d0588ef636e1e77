import { marked, msg, named } from '../../message';
import { defineCheck, notAssessed } from '../../check';
import { everyWorkloadRef, workloadRef } from '../helpers';
import { scannedWorkloads } from './support/reports';

export default defineCheck({
  id: 'image-vulnerabilities.workload-without-report',
  area: 'image-vulnerabilities',
  severity: 'medium',
  title: 'Workloads have a vulnerability report',
  remediation: "Check the scanner's logs for this workload (private registry credentials, image pull errors, scan job limits) so its images get scanned.",
  needs: ['vulnerabilityreports'],
  // A pod change re-runs it on its namespace; whether any scanner reports at all is read from
  // every namespace's reports, so those are kept whole.
  scope: 'namespace',
  wholeKinds: ['vulnerabilityreports'],
  examines: everyWorkloadRef,
  evaluate(inv) {
    if (inv.objects.vulnerabilityreports.length + inv.objects.clustervulnerabilityreports.length === 0) {
      return notAssessed('no VulnerabilityReports: no image scanner reports into this cluster');
    }
    const scanned = scannedWorkloads(inv);
    return inv.workloads
      .filter((w) => !scanned.has(w))
      .map((w) => ({
        resource: workloadRef(w),
        ...marked(msg`No VulnerabilityReport covers ${named(w)}: nobody knows what its images contain.`),
      }));
  },
});
