// Known vulnerabilities of the ingress-nginx controller (kubernetes/ingress-nginx), by the
// controller version in its image tag (registry.k8s.io/ingress-nginx/controller:vX.Y.Z).
// Every row names its source (the official Kubernetes security issue, which states affected and
// fixed versions) and the day it was checked.
//
// Left out on purpose, and why:
// - CVE-2023-5043 / CVE-2023-5044: v1.9.0 only allows a mitigation (--enable-annotation-validation);
//   no release fixes them by version (kubernetes-sigs/cve-feed-osv#17 review).
// - CVE-2025-15566 (kubernetes/kubernetes#136789): its "Affected Versions" and "upgrade to" lines
//   name the same releases, so the affected range cannot be read from it.
// - CVE-2026-24513 (#136679, low, needs a broken custom-errors backend): affected versions not read.
// - CVE-2026-3288 and later 2026 advisories: no primary source for their ranges was found.
// Refresh: read the official CVE feed (kubernetes.io/docs/reference/issues-security/official-cve-feed)
// for ingress-nginx issues, add rows and extend cve-tables.test.ts with each range's boundaries.
import type { DatedCveRow } from './cve-row';

const CHECKED = '2026-12-02';
const INGRESS_NIGHTMARE = [{ fixed: '1.11.5' }, { introduced: '1.12.0-0', fixed: '1.12.1' }];
const FEB_2026 = [{ fixed: '1.13.7' }, { introduced: '1.14.0-0', fixed: '1.14.3' }];

export const INGRESS_NGINX_CVES: readonly DatedCveRow[] = [
  {
    cve: 'CVE-2021-25745',
    source: 'kubernetes/kubernetes#126812 (affected <v1.2.0, fixed v1.2.0)',
    checked: CHECKED,
    severity: 'high',
    summary: 'an Ingress path can point at the controller\'s service account token file',
    ranges: [{ fixed: '1.2.0' }],
  },
  {
    cve: 'CVE-2021-25748',
    source: 'kubernetes/kubernetes#126814 (affected <v1.2.1, fixed v1.2.1)',
    checked: CHECKED,
    severity: 'high',
    summary: 'Ingress path sanitization bypassed with a newline: the controller\'s credentials can be read',
    ranges: [{ fixed: '1.2.1' }],
  },
  {
    cve: 'CVE-2024-7646',
    source: 'kubernetes/kubernetes#126744 (affected < v1.11.2)',
    checked: CHECKED,
    severity: 'high',
    summary: 'annotation validation bypass: command injection and the controller\'s credentials',
    ranges: [{ fixed: '1.11.2' }],
  },
  {
    cve: 'CVE-2025-1974',
    source: 'kubernetes/kubernetes#131009; kubernetes/ingress-nginx#13082 (fixed v1.11.5, v1.12.1)',
    checked: CHECKED,
    severity: 'critical',
    summary: '"IngressNightmare": unauthenticated code execution through the admission webhook (CVSS 9.8)',
    ranges: INGRESS_NIGHTMARE,
  },
  {
    cve: 'CVE-2025-1097',
    source: 'kubernetes/kubernetes#131007 (affected < v1.11.0, v1.11.0-1.11.4, v1.12.0)',
    checked: CHECKED,
    severity: 'high',
    summary: 'configuration injection via the auth-tls-match-cn annotation',
    ranges: INGRESS_NIGHTMARE,
  },
  {
    cve: 'CVE-2025-1098',
    source: 'kubernetes/kubernetes#131008 (affected < v1.11.0, v1.11.0-1.11.4, v1.12.0)',
    checked: CHECKED,
    severity: 'high',
    summary: 'configuration injection via the mirror-target and mirror-host annotations',
    ranges: INGRESS_NIGHTMARE,
  },
  {
    cve: 'CVE-2025-24514',
    source: 'kubernetes/kubernetes#131006 (affected < v1.11.0, v1.11.0-1.11.4, v1.12.0)',
    checked: CHECKED,
    severity: 'high',
    summary: 'configuration injection via the auth-url annotation',
    ranges: INGRESS_NIGHTMARE,
  },
  {
    cve: 'CVE-2025-24513',
    source: 'kubernetes/kubernetes#131005; golang/vulndb#3564 (fixed v1.11.5, v1.12.1)',
    checked: CHECKED,
    severity: 'medium',
    summary: 'directory traversal in the admission controller through attacker-provided file names',
    ranges: INGRESS_NIGHTMARE,
  },
  {
    cve: 'CVE-2026-24512',
    source: 'kubernetes/kubernetes#136678 (affected < v1.13.7, < v1.14.3)',
    checked: CHECKED,
    severity: 'high',
    summary: 'configuration injection via rules.http.paths.path',
    ranges: FEB_2026,
  },
  {
    cve: 'CVE-2026-1580',
    source: 'kubernetes/kubernetes#136677 (fixed v1.13.7, v1.14.3; every earlier version affected); golang/vulndb#4423',
    checked: CHECKED,
    severity: 'high',
    summary: 'configuration injection via the auth-method annotation',
    ranges: FEB_2026,
  },
];
