// Known vulnerabilities of Kubernetes components, by release version.
//
// Sources, as gathered in shared/reference/checks-catalogue.md section 5.5: Go vulnerability
// database (golang/vulndb data/osv, module k8s.io/kubernetes, commit a752ea54, 2026-08-21) and, for
// CVEs that database leaves out, aquasecurity/vuln-list-k8s upstream/ (commit 39c9ebc1,
// 2024-09-16). Where the catalogue found the official kubernetes/kubernetes issue disagreeing, the
// issue wins (CVE-2020-8551: fixed 1.15.10 / 1.16.7 / 1.17.3). Rows with no fixed version
// (CVE-2024-7598, CVE-2025-1767) are left out: they affect every release and upgrading does not
// help. The official feed has no structured data after 2025-12, so newer CVEs are missing.
// Refresh: https://kubernetes.io/docs/reference/issues-security/official-cve-feed/index.json for
// the list, each issue's "Affected/Fixed Versions" for the ranges; extend kubernetes-cves.test.ts.
import type { CveRow } from './cve-row';

export const KUBERNETES_CVE_SOURCE = 'golang/vulndb (a752ea54, 2026-08-21) and aquasecurity/vuln-list-k8s (39c9ebc1, 2024-09-16)';

export interface KubernetesCve extends CveRow {
  /** Which component's version the ranges apply to. */
  component: 'kubelet' | 'kube-proxy' | 'kube-apiserver' | 'kube-controller-manager';
  /** Affects only Windows nodes. */
  windowsOnly?: boolean;
}

export const KUBERNETES_CVES: readonly KubernetesCve[] = [
  // Node components: compared with status.nodeInfo.kubeletVersion.
  {
    cve: 'CVE-2017-1002101',
    source: 'vuln-list-k8s (kubernetes#60813)',
    component: 'kubelet',
    severity: 'high',
    summary: 'subPath volume mounts give access to the host filesystem',
    ranges: [
      { introduced: '1.3.0', fixed: '1.7.14' },
      { introduced: '1.8.0', fixed: '1.8.9' },
      { introduced: '1.9.0', fixed: '1.9.4' },
    ],
  },
  {
    cve: 'CVE-2019-11245',
    source: 'GO-2024-2780',
    component: 'kubelet',
    severity: 'medium',
    summary: 'containers run as UID 0 on restart despite the image USER',
    ranges: [
      { introduced: '1.13.0', fixed: '1.13.7' },
      { introduced: '1.14.0', fixed: '1.14.3' },
    ],
  },
  {
    cve: 'CVE-2019-11248',
    source: 'vuln-list-k8s (kubernetes#81023)',
    component: 'kubelet',
    severity: 'medium',
    summary: '/debug/pprof exposed on the kubelet healthz port',
    ranges: [{ fixed: '1.12.10' }, { introduced: '1.13.0', fixed: '1.13.8' }, { introduced: '1.14.0', fixed: '1.14.4' }],
  },
  {
    cve: 'CVE-2020-8551',
    source: 'kubernetes#89377 (GO-2022-0867 says one patch lower)',
    component: 'kubelet',
    severity: 'medium',
    summary: 'kubelet memory exhaustion (denial of service)',
    ranges: [{ fixed: '1.15.10' }, { introduced: '1.16.0', fixed: '1.16.7' }, { introduced: '1.17.0', fixed: '1.17.3' }],
  },
  {
    cve: 'CVE-2020-8557',
    source: 'GO-2024-2753',
    component: 'kubelet',
    severity: 'medium',
    summary: 'a pod can fill the node disk through /etc/hosts (denial of service)',
    ranges: [
      { introduced: '1.1.0', fixed: '1.16.13' },
      { introduced: '1.17.0', fixed: '1.17.9' },
      { introduced: '1.18.0', fixed: '1.18.6' },
    ],
  },
  {
    cve: 'CVE-2020-8558',
    source: 'GO-2022-0885',
    component: 'kube-proxy',
    severity: 'high',
    summary: 'node-local services reachable from adjacent hosts (route_localnet)',
    ranges: [{ fixed: '1.16.11' }, { introduced: '1.17.0', fixed: '1.17.7' }, { introduced: '1.18.0', fixed: '1.18.4' }],
  },
  {
    cve: 'CVE-2021-25741',
    source: 'GO-2022-0910',
    component: 'kubelet',
    severity: 'high',
    summary: 'symlink exchange in subPath mounts gives access to host files',
    ranges: [
      { fixed: '1.19.15' },
      { introduced: '1.20.0', fixed: '1.20.11' },
      { introduced: '1.21.0', fixed: '1.21.5' },
      { introduced: '1.22.0', fixed: '1.22.2' },
    ],
  },
  {
    cve: 'CVE-2021-25749',
    source: 'vuln-list-k8s (kubernetes#112192)',
    component: 'kubelet',
    windowsOnly: true,
    severity: 'high',
    summary: 'runAsNonRoot bypass for Windows containers',
    ranges: [
      { introduced: '1.20.0', fixed: '1.22.14' },
      { introduced: '1.23.0', fixed: '1.23.11' },
      { introduced: '1.24.0', fixed: '1.24.5' },
    ],
  },
  {
    cve: 'CVE-2023-2431',
    source: 'GO-2023-1864',
    component: 'kubelet',
    severity: 'low',
    summary: 'bypass of seccomp profile enforcement (localhost profile with an empty name)',
    ranges: [
      { fixed: '1.24.14' },
      { introduced: '1.25.0', fixed: '1.25.10' },
      { introduced: '1.26.0', fixed: '1.26.5' },
      { introduced: '1.27.0', fixed: '1.27.2' },
    ],
  },
  {
    cve: 'CVE-2023-3676',
    source: 'GO-2023-2330',
    component: 'kubelet',
    windowsOnly: true,
    severity: 'high',
    summary: 'insufficient input sanitisation on Windows nodes: privilege escalation to SYSTEM',
    ranges: [
      { fixed: '1.24.17' },
      { introduced: '1.25.0', fixed: '1.25.13' },
      { introduced: '1.26.0', fixed: '1.26.8' },
      { introduced: '1.27.0', fixed: '1.27.5' },
      { introduced: '1.28.0', fixed: '1.28.1' },
    ],
  },
  {
    cve: 'CVE-2023-3955',
    source: 'GO-2023-2170',
    component: 'kubelet',
    windowsOnly: true,
    severity: 'high',
    summary: 'insufficient input sanitisation on Windows nodes: privilege escalation to SYSTEM',
    ranges: [
      { fixed: '1.24.17' },
      { introduced: '1.25.0', fixed: '1.25.13' },
      { introduced: '1.26.0', fixed: '1.26.8' },
      { introduced: '1.27.0', fixed: '1.27.5' },
      { introduced: '1.28.0', fixed: '1.28.1' },
    ],
  },
  {
    cve: 'CVE-2023-5528',
    source: 'GO-2023-2341',
    component: 'kubelet',
    windowsOnly: true,
    severity: 'high',
    summary: 'in-tree storage on Windows nodes: privilege escalation to SYSTEM',
    ranges: [
      { fixed: '1.25.16' },
      { introduced: '1.26.0', fixed: '1.26.11' },
      { introduced: '1.27.0', fixed: '1.27.8' },
      { introduced: '1.28.0', fixed: '1.28.4' },
    ],
  },
  {
    cve: 'CVE-2024-5321',
    source: 'GO-2024-2994',
    component: 'kubelet',
    windowsOnly: true,
    severity: 'medium',
    summary: 'container log files on Windows nodes writable by non-admin users',
    ranges: [
      { fixed: '1.27.16' },
      { introduced: '1.28.0', fixed: '1.28.12' },
      { introduced: '1.29.0', fixed: '1.29.7' },
      { introduced: '1.30.0', fixed: '1.30.3' },
    ],
  },
  {
    cve: 'CVE-2024-9042',
    source: 'GO-2025-3522',
    component: 'kubelet',
    windowsOnly: true,
    severity: 'medium',
    summary: 'command injection on Windows nodes through the node log query',
    ranges: [
      { fixed: '1.29.13' },
      { introduced: '1.30.0-alpha.0', fixed: '1.30.9' },
      { introduced: '1.31.0-alpha.0', fixed: '1.31.5' },
      { introduced: '1.32.0-alpha.0', fixed: '1.32.1' },
    ],
  },
  {
    cve: 'CVE-2024-10220',
    source: 'GO-2024-3286 (kubernetes#128885)',
    component: 'kubelet',
    severity: 'high',
    summary: 'arbitrary command execution on the node through a gitRepo volume',
    ranges: [{ fixed: '1.28.12' }, { introduced: '1.29.0', fixed: '1.29.7' }, { introduced: '1.30.0', fixed: '1.30.3' }],
  },
  {
    cve: 'CVE-2025-0426',
    source: 'GO-2025-3465',
    component: 'kubelet',
    severity: 'medium',
    summary: 'node denial of service through the kubelet checkpoint API',
    ranges: [
      { fixed: '1.29.14' },
      { introduced: '1.30.0', fixed: '1.30.10' },
      { introduced: '1.31.0', fixed: '1.31.6' },
      { introduced: '1.32.0', fixed: '1.32.2' },
    ],
  },
  // Control plane: compared with the API server's version.
  {
    cve: 'CVE-2018-1002105',
    source: 'vuln-list-k8s (kubernetes#71411)',
    component: 'kube-apiserver',
    severity: 'critical',
    summary: 'proxied upgrade requests let any user escalate to cluster-admin',
    ranges: [{ fixed: '1.10.11' }, { introduced: '1.11.0', fixed: '1.11.5' }, { introduced: '1.12.0', fixed: '1.12.3' }],
  },
  {
    cve: 'CVE-2022-3162',
    source: 'GO-2023-1628',
    component: 'kube-apiserver',
    severity: 'medium',
    summary: 'path traversal lets users read custom resources of the same group they cannot list',
    ranges: [
      { introduced: '1.22.0', fixed: '1.22.16' },
      { introduced: '1.23.0', fixed: '1.23.14' },
      { introduced: '1.24.0', fixed: '1.24.8' },
      { introduced: '1.25.0', fixed: '1.25.4' },
    ],
  },
  {
    cve: 'CVE-2023-2728',
    source: 'GO-2023-1892',
    component: 'kube-apiserver',
    severity: 'medium',
    summary: 'ServiceAccount mountable-secrets policy bypass with ephemeral containers',
    ranges: [
      { fixed: '1.24.15' },
      { introduced: '1.25.0', fixed: '1.25.11' },
      { introduced: '1.26.0', fixed: '1.26.6' },
      { introduced: '1.27.0', fixed: '1.27.3' },
    ],
  },
  {
    cve: 'CVE-2024-3177',
    source: 'GO-2024-2746',
    component: 'kube-apiserver',
    severity: 'low',
    summary: 'mountable-secrets policy bypass through envFrom',
    ranges: [{ fixed: '1.27.13' }, { introduced: '1.28.0', fixed: '1.28.9' }, { introduced: '1.29.0', fixed: '1.29.4' }],
  },
  {
    cve: 'CVE-2025-4563',
    source: 'GO-2025-3774 (kubernetes#132151)',
    component: 'kube-apiserver',
    severity: 'low',
    summary: 'NodeRestriction: nodes can bypass dynamic resource allocation authorization',
    ranges: [
      { introduced: '1.32.0', fixed: '1.32.6' },
      { introduced: '1.33.0', fixed: '1.33.2' },
    ],
  },
  {
    cve: 'CVE-2025-5187',
    source: 'GO-2025-3915 (kubernetes#133471)',
    component: 'kube-apiserver',
    severity: 'medium',
    summary: 'NodeRestriction: nodes can delete themselves by adding an OwnerReference',
    ranges: [{ fixed: '1.31.12' }, { introduced: '1.32.0-alpha.0', fixed: '1.32.8' }, { introduced: '1.33.0-alpha.0', fixed: '1.33.4' }],
  },
  {
    cve: 'CVE-2025-13281',
    source: 'GO-2025-4240',
    component: 'kube-controller-manager',
    severity: 'medium',
    summary: 'half-blind server-side request forgery through in-tree Portworx volumes',
    ranges: [{ fixed: '1.32.10' }, { introduced: '1.33.0-alpha.0', fixed: '1.33.6' }, { introduced: '1.34.0-alpha.0', fixed: '1.34.2' }],
  },
];
