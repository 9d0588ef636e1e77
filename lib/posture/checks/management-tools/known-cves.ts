import { defineCheck } from '../../check';
import { marked, msg, named, obj, prose } from '../../message';
import { workloadRef } from '../helpers';
import { listCves, matchingCves, worst } from '../host-security/support/nodes';
import { managementTools } from './support/tools';

/**
 * The Kubernetes Dashboard, Argo CD, Rancher and Portainer judged by the release in their image tag against
 * dated, sourced advisory tables (data/management-tool-cves.ts). Works without an image scanner:
 * these tools hold broad cluster powers, so their own advisories matter most.
 */
export default defineCheck({
  id: 'management-tools.known-cves',
  area: 'management-tools',
  severity: 'critical',
  severityRange: ['info', 'critical'], // info: the tag names no release, so the version was not assessed
  title: 'Management tool versions have no known vulnerabilities',
  remediation:
    'Upgrade the tool to a release that fixes these CVEs (the Dashboard to v2.7 or v7, Argo CD to a supported minor, Rancher and Portainer to a current patch release). Until then keep it unexposed and its ServiceAccount narrow.',
  references: [
    { title: 'Argo CD security advisories', url: 'https://github.com/argoproj/argo-cd/security/advisories' },
    { title: 'Rancher security advisories', url: 'https://github.com/rancher/rancher/security/advisories' },
    { title: 'Portainer security advisories', url: 'https://github.com/portainer/portainer/security/advisories' },
    { title: 'CVE-2018-18264 (Kubernetes Dashboard)', url: 'https://github.com/kubernetes/dashboard/pull/3400' },
  ],
  needs: ['pods'],
  scope: 'namespace',
  examines: (inv) => managementTools(inv).filter((t) => t.tool.cves).map((t) => workloadRef(t.workload)),
  evaluate(inv) {
    return managementTools(inv).flatMap((t) => {
      if (!t.tool.cves) return [];
      const where = msg`${named(workloadRef(t.workload))} (container ${obj(t.container.name, 'Container')})`;
      if (!t.version) {
        return [{ resource: workloadRef(t.workload), severity: 'info' as const, ...marked(msg`${where} runs ${prose(t.tool.name)} from an image whose tag names no release: its known vulnerabilities were not assessed.`) }];
      }
      const hits = matchingCves(t.tool.cves, t.version);
      if (hits.length === 0) return [];
      return [
        {
          resource: workloadRef(t.workload),
          severity: worst(hits.map((h) => h.row.severity)),
          ...marked(msg`${where} runs ${prose(t.tool.name)} ${prose(t.version)}, affected by ${prose(listCves(hits))} (advisories checked ${prose(hits[0]!.row.checked)}).`),
        },
      ];
    });
  },
});
