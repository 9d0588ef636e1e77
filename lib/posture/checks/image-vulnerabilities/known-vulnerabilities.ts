import { defineCheck, notAssessed, ref } from '../../check';
import { image, marked, msg, obj, prose } from '../../message';
import type { Severity } from '../../types';
import { imageReports } from './support/reports';

export default defineCheck({
  id: 'image-vulnerabilities.known-vulnerabilities',
  area: 'image-vulnerabilities',
  severity: 'high',
  severityRange: ['high', 'critical'], // critical when the report counts a critical vulnerability
  title: 'Image has known critical or high vulnerabilities',
  remediation: 'Rebuild the image on a patched base and bump the vulnerable packages to their fixed versions, then redeploy the workload.',
  needs: ['vulnerabilityreports'],
  examines: (inv) => imageReports(inv).map((r) => r.workload ?? ref(r.report)),
  evaluate(inv) {
    const reports = imageReports(inv);
    // No reports is not the same as no vulnerabilities.
    if (reports.length === 0) return notAssessed('no VulnerabilityReports: no image scanner reports into this cluster');
    return reports
      .filter((r) => r.counts.critical + r.counts.high > 0)
      .map((r) => {
        const severity: Severity = r.counts.critical > 0 ? 'critical' : 'high';
        const examples = r.examples.map((e) => `${e.id} in ${e.pkg}${e.fixedVersion ? ` (fixed in ${e.fixedVersion})` : ''}`).join(', ');
        return {
          resource: r.workload ?? ref(r.report),
          severity,
          // CVE ids and package names are public; the container and image are the cluster's.
          ...marked(
            msg`Container ${obj(r.container, 'Container')} runs ${image(r.image)} with ${r.counts.critical} critical and ${r.counts.high} high vulnerabilities${prose(examples ? `, e.g. ${examples}` : '')}.`,
          ),
        };
      });
  },
});
