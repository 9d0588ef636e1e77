import type { RawFinding } from '../../check';
import { defineCheck, notAssessed, ref } from '../../check';
import { KUBERNETES_CVES } from '../../data/kubernetes-cves';
import { coreVersion } from '../../data/version';
import { clusterRef } from '../helpers';
import { controlPlaneVersion, listCves, lower, matchingCves, nodeInfo, worst } from './support/nodes';

/** Vendor builds (EKS, GKE, AKS, k3s, RKE2) may carry backported fixes under an older patch number. */
const VENDOR_BUILD = /[-+](eks|gke|aks|k3s|rke2)/i;

export default defineCheck({
  id: 'host-security.kubernetes-known-cves',
  references: [{ title: 'Kubernetes official CVE feed', url: 'https://kubernetes.io/docs/reference/issues-security/official-cve-feed/' }],
  area: 'host-security',
  severity: 'high',
  severityRange: ['low', 'critical'], // the worst listed CVE's severity, one lower on a vendor build
  title: 'Kubernetes component version has known vulnerabilities',
  remediation:
    'Upgrade to the latest patch release of a supported Kubernetes minor (node pools for kubelets, the control plane for the API server); patch releases carry the security fixes.',
  needs: ['nodes'],
  examines: (inv) => [...inv.objects.nodes.map(ref), ...(controlPlaneVersion(inv) ? [clusterRef(inv)] : [])],
  evaluate(inv) {
    const cp = controlPlaneVersion(inv);
    const nodesWithVersion = inv.objects.nodes.filter((n) => coreVersion(nodeInfo(n).kubeletVersion));
    if (nodesWithVersion.length === 0 && !cp) return notAssessed('neither node kubelet versions nor the API server version are known');
    const out: RawFinding[] = [];
    for (const n of nodesWithVersion) {
      const info = nodeInfo(n);
      const windows = info.operatingSystem === 'windows';
      const rows = KUBERNETES_CVES.filter((r) => (r.component === 'kubelet' || r.component === 'kube-proxy') && (!r.windowsOnly || windows));
      const hits = matchingCves(rows, coreVersion(info.kubeletVersion)!);
      if (hits.length === 0) continue;
      const vendor = VENDOR_BUILD.test(info.kubeletVersion!);
      const sev = worst(hits.map((h) => h.row.severity));
      out.push({
        resource: ref(n),
        severity: vendor ? lower(sev) : sev,
        message: `Node ${n.metadata.name} runs kubelet ${info.kubeletVersion}, ${vendor ? 'possibly ' : ''}affected by ${listCves(hits)}${vendor ? ' (a vendor build: check whether the vendor backported the fixes)' : ''}.`,
      });
    }
    const cpCore = cp ? coreVersion(cp.version) : null;
    if (cp && cpCore) {
      const rows = KUBERNETES_CVES.filter((r) => r.component === 'kube-apiserver' || r.component === 'kube-controller-manager');
      const hits = matchingCves(rows, cpCore);
      if (hits.length > 0) {
        out.push({
          resource: clusterRef(inv),
          severity: worst(hits.map((h) => h.row.severity)),
          message: `The control plane of cluster ${inv.cluster.name} runs ${cp.version} (from ${cp.from}), affected by ${listCves(hits)}.`,
          remediation: 'Upgrade the control plane to the latest patch release of its minor (or of a newer supported minor).',
        });
      }
    }
    return out;
  },
});
