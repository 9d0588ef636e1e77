// Known vulnerabilities of containerd and CRI-O, by the version a node reports in
// status.nodeInfo.containerRuntimeVersion.
//
// Source: Go vulnerability database, golang/vulndb data/osv/GO-*.json at commit a752ea54
// (2026-08-21), as gathered in shared/reference/checks-catalogue.md section 5.4. containerd 2.x
// ranges are those of the module github.com/containerd/containerd/v2 ("2.0.0-0" marks "any 2.x").
// Left out on purpose: rows with no CVE id, the WITHDRAWN ones, and rows whose OSV entry lists
// no fixed version at all (containerd 1.x for CVE-2026-53492/-50195/-53489, CRI-O CVE-2025-0750
// and CVE-2025-4437): "every version ever" would flag every node without telling what to upgrade to.
// runc is not here: the Node API does not expose runc's version, and which runc each containerd or
// CRI-O build ships depends on the packager, so it cannot be inferred from the runtime version.
// Docker Engine's rows (docker-engine.ts) are the runc fixes Docker's release notes tie to its releases.
// Refresh: re-read data/osv for modules containerd/containerd, containerd/containerd/v2 and
// cri-o/cri-o, add rows, and extend runtime-cves.test.ts with each range's boundaries.
import type { CveRow } from './cve-row';
import { DOCKER_ENGINE_CVES } from './docker-engine';

export const RUNTIME_CVE_SOURCE = 'golang/vulndb data/osv (commit a752ea54, 2026-08-21)';

const V2 = '2.0.0-0';

export const CONTAINERD_CVES: readonly CveRow[] = [
  {
    cve: 'CVE-2020-15257',
    source: 'GO-2022-0784',
    severity: 'critical',
    summary: 'containerd-shim API exposed to host-network containers (container escape)',
    ranges: [{ fixed: '1.3.9' }, { introduced: '1.4.0', fixed: '1.4.3' }],
  },
  {
    cve: 'CVE-2021-32760',
    source: 'GO-2022-0921',
    severity: 'medium',
    summary: 'image archive can chmod files outside the unpack directory',
    ranges: [{ fixed: '1.4.8' }, { introduced: '1.5.0', fixed: '1.5.4' }],
  },
  {
    cve: 'CVE-2021-41103',
    source: 'GO-2022-0938',
    severity: 'high',
    summary: 'container root directories and plugins readable by unprivileged host users',
    ranges: [{ fixed: '1.4.11' }, { introduced: '1.5.0', fixed: '1.5.7' }],
  },
  {
    cve: 'CVE-2021-43816',
    source: 'GO-2022-0278',
    severity: 'high',
    summary: 'unprivileged pod with hostPath can side-step SELinux',
    ranges: [{ introduced: '1.5.0', fixed: '1.5.9' }],
  },
  {
    cve: 'CVE-2022-23648',
    source: 'GO-2022-0344',
    severity: 'high',
    summary: 'CRI plugin: image volumes can expose arbitrary host files to a container',
    ranges: [{ fixed: '1.4.13' }, { introduced: '1.5.0', fixed: '1.5.10' }, { introduced: '1.6.0', fixed: '1.6.1' }],
  },
  {
    cve: 'CVE-2022-31030',
    source: 'GO-2022-0482',
    severity: 'medium',
    summary: 'CRI plugin: host memory exhaustion through ExecSync',
    ranges: [{ fixed: '1.5.13' }, { introduced: '1.6.0', fixed: '1.6.6' }],
  },
  {
    cve: 'CVE-2022-23471',
    source: 'GO-2022-1147',
    severity: 'medium',
    summary: 'CRI stream server: host memory exhaustion via terminal resize',
    ranges: [{ fixed: '1.5.16' }, { introduced: '1.6.0', fixed: '1.6.12' }],
  },
  {
    cve: 'CVE-2023-25153',
    source: 'GO-2023-1573',
    severity: 'medium',
    summary: 'memory exhaustion via the OCI image importer',
    ranges: [{ fixed: '1.5.18' }, { introduced: '1.6.0', fixed: '1.6.18' }],
  },
  {
    cve: 'CVE-2023-25173',
    source: 'GO-2023-1574',
    severity: 'high',
    summary: 'supplementary groups not set up properly (privilege escalation inside the container)',
    ranges: [{ fixed: '1.5.18' }, { introduced: '1.6.0', fixed: '1.6.18' }],
  },
  {
    cve: 'CVE-2024-40635',
    source: 'GO-2025-3528',
    severity: 'medium',
    summary: 'integer overflow in User ID handling can run a container as root',
    ranges: [{ fixed: '1.6.38' }, { introduced: '1.7.0-beta.0', fixed: '1.7.27' }, { introduced: V2, fixed: '2.0.4' }],
  },
  {
    cve: 'CVE-2024-25621',
    source: 'GO-2025-4100',
    severity: 'high',
    summary: 'local privilege escalation via overly wide permissions on CRI directories',
    ranges: [
      { fixed: '1.7.29' },
      { introduced: V2, fixed: '2.0.7' },
      { introduced: '2.1.0-beta.0', fixed: '2.1.5' },
      { introduced: '2.2.0-beta.0', fixed: '2.2.0' },
    ],
  },
  {
    cve: 'CVE-2025-64329',
    source: 'GO-2025-4108',
    severity: 'medium',
    summary: 'CRI server: host memory exhaustion through an Attach goroutine leak',
    ranges: [
      { fixed: '1.7.29' },
      { introduced: V2, fixed: '2.0.7' },
      { introduced: '2.1.0-beta.0', fixed: '2.1.5' },
      { introduced: '2.2.0-beta.0', fixed: '2.2.0' },
    ],
  },
  {
    cve: 'CVE-2025-47290',
    source: 'GO-2025-3699',
    severity: 'high',
    summary: 'host filesystem access on image pull',
    ranges: [{ introduced: '2.1.0', fixed: '2.1.1' }],
  },
  {
    cve: 'CVE-2025-47291',
    source: 'GO-2025-3701',
    severity: 'medium',
    summary: 'wrong cgroup for containers of user-namespaced pods',
    ranges: [{ introduced: '2.0.1', fixed: '2.0.5' }],
  },
  {
    cve: 'CVE-2026-46680',
    source: 'GO-2026-5378',
    severity: 'high',
    summary: 'User ID handling bypass allows runAsNonRoot evasion',
    ranges: [
      { introduced: '1.7.27', fixed: '1.7.32' },
      { introduced: '2.0.4', fixed: '2.0.9' },
      { introduced: '2.1.0-beta.0', fixed: '2.2.4' },
      { introduced: '2.3.0-beta.0', fixed: '2.3.1' },
    ],
  },
  {
    cve: 'CVE-2026-47262',
    source: 'GO-2026-5475',
    severity: 'medium',
    summary: 'image-triggered runtime denial of service via unbounded group parsing',
    ranges: [
      { introduced: '1.7.0', fixed: '1.7.33' },
      { introduced: '2.0.0', fixed: '2.0.10' },
      { introduced: '2.1.0', fixed: '2.1.9' },
      { introduced: '2.2.0', fixed: '2.2.5' },
      { introduced: '2.3.0', fixed: '2.3.2' },
    ],
  },
  {
    cve: 'CVE-2026-53488',
    source: 'GO-2026-5758',
    severity: 'critical',
    summary: 'image-config LABEL flows to the restart-monitor binary:// logger: host-root command execution',
    ranges: [
      { introduced: '1.7.0', fixed: '1.7.33' },
      { introduced: '2.0.0', fixed: '2.0.10' },
      { introduced: '2.1.0', fixed: '2.1.9' },
      { introduced: '2.2.0', fixed: '2.2.5' },
      { introduced: '2.3.0', fixed: '2.3.2' },
    ],
  },
  {
    cve: 'CVE-2026-53492',
    source: 'GO-2026-5064',
    severity: 'high',
    summary: 'CRI checkpoint restore: CDI annotation smuggling',
    ranges: [
      { introduced: '2.1.0', fixed: '2.1.9' },
      { introduced: '2.2.0', fixed: '2.2.5' },
      { introduced: '2.3.0', fixed: '2.3.2' },
    ],
  },
  {
    cve: 'CVE-2026-50195',
    source: 'GO-2026-5338',
    severity: 'medium',
    summary: 'CRI checkpoint import allows local image tag poisoning',
    ranges: [
      { introduced: '2.1.0', fixed: '2.1.9' },
      { introduced: '2.2.0', fixed: '2.2.5' },
      { introduced: '2.3.0', fixed: '2.3.2' },
    ],
  },
  {
    cve: 'CVE-2026-53489',
    source: 'GO-2026-5622',
    severity: 'high',
    summary: 'arbitrary host CRI log file read via symlinks in checkpoint restore',
    ranges: [
      { introduced: '2.1.0', fixed: '2.1.9' },
      { introduced: '2.2.0', fixed: '2.2.5' },
      { introduced: '2.3.0', fixed: '2.3.2' },
    ],
  },
];

export const CRIO_CVES: readonly CveRow[] = [
  {
    cve: 'CVE-2022-0811',
    source: 'GO-2022-0354',
    severity: 'critical',
    summary: '"cr8escape": kernel parameters injection gives root on the node',
    ranges: [
      { introduced: '1.19.0', fixed: '1.19.6' },
      { introduced: '1.20.0', fixed: '1.20.7' },
      { introduced: '1.21.0', fixed: '1.21.6' },
      { introduced: '1.22.0', fixed: '1.22.3' },
      { introduced: '1.23.0', fixed: '1.23.2' },
    ],
  },
  {
    cve: 'CVE-2022-27652',
    source: 'GO-2022-0426',
    severity: 'low',
    summary: 'containers started with non-empty inheritable capabilities',
    ranges: [{ fixed: '1.24.0' }],
  },
  {
    cve: 'CVE-2022-1708',
    source: 'GO-2022-0480',
    severity: 'medium',
    summary: 'node memory exhaustion through ExecSync',
    ranges: [{ fixed: '1.22.5' }, { introduced: '1.23.0', fixed: '1.23.3' }, { introduced: '1.24.0', fixed: '1.24.1' }],
  },
  {
    cve: 'CVE-2022-0532',
    source: 'GO-2022-0608',
    severity: 'low',
    summary: 'incorrect permissions on a critical resource',
    ranges: [{ fixed: '1.23.1' }],
  },
  {
    cve: 'CVE-2022-2995',
    source: 'GO-2022-1014',
    severity: 'medium',
    summary: 'supplementary groups mishandled (information disclosure)',
    ranges: [{ fixed: '1.25.0' }],
  },
  {
    cve: 'CVE-2022-4318',
    source: 'GO-2022-1206',
    severity: 'high',
    summary: '/etc/passwd tampering leads to privilege escalation',
    ranges: [{ fixed: '1.26.0' }],
  },
  {
    cve: 'CVE-2023-6476',
    source: 'GO-2024-2458',
    severity: 'medium',
    summary: 'pods can break out of resource confinement on cgroup v2',
    ranges: [{ fixed: '1.27.3' }, { introduced: '1.28.0', fixed: '1.28.3' }, { introduced: '1.29.0', fixed: '1.29.1' }],
  },
  {
    cve: 'CVE-2024-3154',
    source: 'GO-2024-2791',
    severity: 'high',
    summary: 'arbitrary systemd property injection through pod annotations',
    ranges: [{ fixed: '1.27.6' }, { introduced: '1.28.0', fixed: '1.28.6' }, { introduced: '1.29.0', fixed: '1.29.4' }],
  },
  {
    cve: 'CVE-2024-5154',
    source: 'GO-2024-2919',
    severity: 'high',
    summary: 'a malicious container can create a symlink "mtab" on the host',
    ranges: [
      { introduced: '1.28.6', fixed: '1.28.7' },
      { introduced: '1.29.4', fixed: '1.29.5' },
      { introduced: '1.30.0', fixed: '1.30.1' },
    ],
  },
  {
    cve: 'CVE-2024-8676',
    source: 'GO-2024-3292',
    severity: 'critical',
    summary: 'a crafted checkpoint archive gains arbitrary node access',
    ranges: [{ fixed: '1.29.11' }, { introduced: '1.30.0', fixed: '1.30.8' }, { introduced: '1.31.0', fixed: '1.31.3' }],
  },
];

export function runtimeCves(runtime: string): readonly CveRow[] | null {
  if (runtime === 'containerd') return CONTAINERD_CVES;
  if (runtime === 'cri-o') return CRIO_CVES;
  if (runtime === 'docker') return DOCKER_ENGINE_CVES;
  return null;
}

/** Where a runtime's rows come from, and what they cannot see, for finding messages. */
export function runtimeCveSource(runtime: string): string {
  if (runtime === 'docker') return "Docker Engine release notes on the runc each release shipped; a runc updated separately is not visible through the API";
  return `${RUNTIME_CVE_SOURCE}; the runc it ships is not visible through the API and is not judged`;
}
