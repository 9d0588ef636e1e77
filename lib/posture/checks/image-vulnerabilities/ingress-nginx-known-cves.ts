import type { Container, Workload } from '../../../cluster/types';
import { defineCheck } from '../../check';
import { INGRESS_NGINX_CVES } from '../../data/ingress-nginx-cves';
import { allContainers, workloadRef } from '../helpers';
import { listCves, matchingCves, worst } from '../host-security/support/nodes';
import { parseImage } from '../registry-security/support/image-ref';

/**
 * The ingress-nginx controller (kubernetes/ingress-nginx) judged by the version in its image tag
 * against the official Kubernetes security issues (data/ingress-nginx-cves.ts). Works without an
 * image scanner: the controller runs with cluster-wide Secret access, so its advisories matter most.
 * F5's NGINX Ingress Controller (nginx/nginx-ingress) is another product and is not matched.
 */
const CONTROLLER_REPOSITORIES = /(^|\/)(ingress-nginx\/controller(-chroot)?|kubernetes-ingress-controller\/nginx-ingress-controller)$/;

function controllers(w: Workload): Container[] {
  return allContainers(w.spec).filter((c) => {
    // A substring test first: this runs on every container of every workload.
    if (typeof c.image !== 'string' || !(c.image.includes('ingress-nginx/controller') || c.image.includes('nginx-ingress-controller'))) return false;
    const img = parseImage(c.image);
    return img !== null && CONTROLLER_REPOSITORIES.test(img.repository);
  });
}

export default defineCheck({
  id: 'image-vulnerabilities.ingress-nginx-known-cves',
  references: [{ title: 'Kubernetes official CVE feed', url: 'https://kubernetes.io/docs/reference/issues-security/official-cve-feed/' }],
  area: 'image-vulnerabilities',
  severity: 'critical',
  severityRange: ['high', 'critical'],
  title: 'ingress-nginx controller version has known vulnerabilities',
  remediation:
    'Upgrade the ingress-nginx controller (Helm chart ingress-nginx, or the controller image registry.k8s.io/ingress-nginx/controller) to a release that fixes these CVEs. Until then, keep the admission webhook reachable only from the API server and restrict who can create Ingresses.',
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => inv.workloads.filter((w) => controllers(w).length > 0).map(workloadRef),
  evaluate(inv) {
    return inv.workloads.flatMap((w) =>
      controllers(w).flatMap((c) => {
        const tag = parseImage(c.image!)!.tag;
        const version = /^v?(\d+\.\d+\.\d+)$/.exec(tag ?? '')?.[1];
        const where = `${w.kind} ${w.namespace}/${w.name} (container ${c.name})`;
        if (!version) {
          return [{ resource: workloadRef(w), severity: 'info' as const, message: `${where} runs ingress-nginx from ${c.image}, whose tag names no release: its version, and so its known vulnerabilities, were not assessed.` }];
        }
        const hits = matchingCves(INGRESS_NGINX_CVES, version);
        if (hits.length === 0) return [];
        return [
          {
            resource: workloadRef(w),
            severity: worst(hits.map((h) => h.row.severity)),
            message: `${where} runs ingress-nginx ${version}, affected by ${listCves(hits)} (Kubernetes security issues, checked ${hits[0]!.row.checked}).`,
          },
        ];
      }),
    );
  },
});
