// Known container-escape vulnerabilities of runc, the OCI runtime under containerd, CRI-O and
// Docker Engine, by runc version. Nodes do not report runc's version (status.nodeInfo names only
// the CRI runtime), so these rows are not matched against nodes directly: docker-engine.ts maps
// them to the Docker Engine releases that shipped each fix, where Docker's release notes say so.
// containerd and CRI-O are not mapped: distribution packages ship runc separately from them, so
// which runc a containerd or CRI-O node runs cannot be told from its version.
//
// Every row names its source and the date it was checked. Refresh: re-read golang/vulndb
// data/osv for module github.com/opencontainers/runc and extend cve-tables.test.ts.
import type { DatedCveRow } from './cve-row';

const VULNDB = 'golang/vulndb data/osv at a752ea54 (2026-08-21)';
const CHECKED = '2026-12-02';

export const RUNC_CVES: readonly DatedCveRow[] = [
  {
    cve: 'CVE-2019-5736',
    // Not in the Go vulnerability database. Fixed by runc commit 0a8e4117 (opencontainers/runc#1985,
    // the maintainer's comment), first released in v1.0.0-rc7 (its release notes: "mainly CVE-2019-5736").
    source: 'opencontainers/runc#1985 and the v1.0.0-rc7 release notes',
    checked: CHECKED,
    severity: 'critical',
    summary: 'a container process can overwrite the host runc binary and run code as root on the node',
    ranges: [{ fixed: '1.0.0-rc7' }],
  },
  {
    cve: 'CVE-2021-30465',
    source: `GO-2022-0914, ${VULNDB}`,
    checked: CHECKED,
    severity: 'high',
    summary: 'mount destinations can be swapped via symlink exchange to mount outside the rootfs',
    ranges: [{ fixed: '1.0.0-rc95' }],
  },
  {
    cve: 'CVE-2024-21626',
    source: `GO-2024-2491, ${VULNDB}`,
    checked: CHECKED,
    severity: 'critical',
    summary: '"Leaky Vessels": container breakout through process.cwd and a leaked file descriptor',
    ranges: [{ introduced: '1.0.0-rc93', fixed: '1.1.12' }],
  },
  {
    cve: 'CVE-2025-31133',
    source: `GO-2025-4096, ${VULNDB}`,
    checked: CHECKED,
    severity: 'critical',
    summary: 'container escape via "masked path" abuse and mount races',
    ranges: [{ fixed: '1.2.8' }, { introduced: '1.3.0-rc.1', fixed: '1.3.3' }, { introduced: '1.4.0-rc.1', fixed: '1.4.0-rc.3' }],
  },
  {
    cve: 'CVE-2025-52565',
    source: `GO-2025-4097, ${VULNDB}`,
    checked: CHECKED,
    severity: 'critical',
    summary: 'container escape through the /dev/console mount and related races',
    ranges: [
      { introduced: '1.0.0-rc3', fixed: '1.2.8' },
      { introduced: '1.3.0-rc.1', fixed: '1.3.3' },
      { introduced: '1.4.0-rc.1', fixed: '1.4.0-rc.3' },
    ],
  },
  {
    cve: 'CVE-2025-52881',
    source: `GO-2025-4098, ${VULNDB}`,
    checked: CHECKED,
    severity: 'critical',
    summary: 'container escape through arbitrary write gadgets and redirected procfs writes',
    ranges: [{ fixed: '1.2.8' }, { introduced: '1.3.0-rc.1', fixed: '1.3.3' }, { introduced: '1.4.0-rc.1', fixed: '1.4.0-rc.3' }],
  },
  {
    cve: 'CVE-2026-41579',
    source: `GO-2026-5761, ${VULNDB}`,
    checked: CHECKED,
    severity: 'medium',
    summary: 'a malicious image with a /dev symlink can cause limited host filesystem integrity violations',
    ranges: [{ fixed: '1.3.6' }, { introduced: '1.4.0', fixed: '1.4.3' }, { introduced: '1.5.0-rc.1', fixed: '1.5.0-rc.3' }],
  },
];

export function runcCve(cve: string): DatedCveRow {
  const row = RUNC_CVES.find((r) => r.cve === cve);
  if (!row) throw new Error(`no runc row for ${cve}`);
  return row;
}
