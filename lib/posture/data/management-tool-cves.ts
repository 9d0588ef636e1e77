// Known vulnerabilities of in-cluster management tools, by the version in their image tag:
// the Kubernetes Dashboard (kubernetesui/dashboard before v7, and the old kubernetes-dashboard-<arch>
// images), Argo CD (quay.io/argoproj/argocd), Rancher (rancher/rancher) and Portainer
// (portainer/portainer, -ce, -ee; the editions share release numbers). Every row names its
// source and the day it was checked; ranges are the structured "affected" list of the CVE record
// (cvelistV5) or the advisory, not a description's prose, unless the source says otherwise.
//
// Severity is ours: critical when an unauthenticated caller (or any pod) gets the tool's cluster
// powers, high when an authenticated tool user escalates or reads secrets, medium for the rest.
//
// Left out on purpose, and why:
// - Dashboard v7 (kubernetesui/dashboard-api, -web, -auth): its images carry their own module
//   versions (dashboard-api 1.x), not the Dashboard release, so tags cannot be matched to advisories.
// - Argo CD advisories that need an authenticated user with narrow rights and leak little
//   (XSS, enumeration, DoS: GO-2023-1670, GO-2024-2792, GO-2024-3002 and others): only the
//   escalations and credential leaks are listed.
// - CVE-2022-31247 and other Rancher 2.5/2.6 advisories: their ranges were not read from a primary source.
// - Weave Scope, Helm 2's Tiller and Octant: no advisories by version; they are judged as
//   unmaintained instead (management-tools.unmaintained).
// - Portainer: only the rows below. CVE-2018-19367 ("through 1.19.2") and CVE-2020-24263 ("1.24.1
//   and earlier") name no fixed release, and the 2026 GitHub advisories (CVE-2026-44848,
//   CVE-2026-44849, CVE-2026-44883: >= 2.33.0 < 2.33.8 and further ranges) were not read whole.
// - Headlamp, Kubeapps: recognised, but no advisory ranges were read for them.
// Refresh: read each CVE record (github.com/CVEProject/cvelistV5) or GitHub advisory, add rows and
// extend data/cve-tables.test.ts with each range's boundaries.
import type { DatedCveRow } from './cve-row';

const CHECKED = '2026-12-02';

export const DASHBOARD_CVES: readonly DatedCveRow[] = [
  {
    cve: 'CVE-2018-18264',
    source: 'NVD via golang/vulndb#2216 ("before 1.10.1"); kubernetes/kubernetes#72495 (dashboard v1.10.1 for CVE-2018-18264)',
    checked: CHECKED,
    severity: 'critical',
    summary: 'login bypass: whoever reaches the Dashboard acts with its own ServiceAccount and can read Secrets',
    ranges: [{ fixed: '1.10.1' }],
  },
];

export const ARGOCD_CVES: readonly DatedCveRow[] = [
  {
    cve: 'CVE-2022-24348',
    source: 'GHSA-63qx-x74g-jcr7; NVD via golang/vulndb#304 ("before 2.1.9 and 2.2.x before 2.2.4")',
    checked: CHECKED,
    severity: 'high',
    summary: 'path traversal through a Helm chart: files of other Applications and mounted secrets leak from the repo-server',
    ranges: [{ fixed: '2.1.9' }, { introduced: '2.2.0', fixed: '2.2.4' }],
  },
  {
    cve: 'CVE-2022-24768',
    source: 'cvelistV5 CVE-2022-24768 (>=0.5.0 <2.1.14, >=2.2.0 <2.2.8, >=2.3.0 <2.3.2)',
    checked: CHECKED,
    severity: 'high',
    summary: 'improper access control: a user with push access to an Application\'s source can escalate to admin',
    ranges: [{ introduced: '0.5.0', fixed: '2.1.14' }, { introduced: '2.2.0', fixed: '2.2.8' }, { introduced: '2.3.0', fixed: '2.3.2' }],
  },
  {
    cve: 'CVE-2022-29165',
    source: 'cvelistV5 CVE-2022-29165, GHSA-r642-gv9p-2wjj (>=1.4.0 <2.1.15, >=2.2.0 <2.2.9, >=2.3.0 <2.3.4)',
    checked: CHECKED,
    severity: 'critical',
    summary: 'with anonymous access enabled, a crafted JWT impersonates any Argo CD user, admin included',
    ranges: [{ introduced: '1.4.0', fixed: '2.1.15' }, { introduced: '2.2.0', fixed: '2.2.9' }, { introduced: '2.3.0', fixed: '2.3.4' }],
  },
  {
    cve: 'CVE-2023-22482',
    source: 'cvelistV5 CVE-2023-22482, GHSA-q9hr-j4rf-8fjc (>=1.8.2 <2.3.13, >=2.4.0-rc1 <2.4.19, >=2.5.0-rc1 <2.5.6, >=2.6.0-rc1 <2.6.0-rc3)',
    checked: CHECKED,
    severity: 'critical',
    summary: 'the JWT audience claim is not verified: a token from the same SSO provider for another app is accepted',
    ranges: [
      { introduced: '1.8.2', fixed: '2.3.13' },
      { introduced: '2.4.0-rc1', fixed: '2.4.19' },
      { introduced: '2.5.0-rc1', fixed: '2.5.6' },
      { introduced: '2.6.0-rc1', fixed: '2.6.0-rc3' },
    ],
  },
  {
    cve: 'CVE-2024-31989',
    source: 'cvelistV5 CVE-2024-31989, GHSA-9766-5277-j5hr (<2.8.19, >=2.9.0-rc1 <2.9.15, >=2.10.0-rc1 <2.10.10, >=2.11.0-rc1 <2.11.1)',
    checked: CHECKED,
    severity: 'critical',
    summary: 'the bundled Redis has no password: any pod that reaches port 6379 can escalate to the application controller\'s powers',
    ranges: [{ fixed: '2.8.19' }, { introduced: '2.9.0-rc1', fixed: '2.9.15' }, { introduced: '2.10.0-rc1', fixed: '2.10.10' }, { introduced: '2.11.0-rc1', fixed: '2.11.1' }],
  },
  {
    cve: 'CVE-2025-55190',
    source: 'cvelistV5 CVE-2025-55190, GHSA-786q-9hcg-v9ff (>=2.13.0 <2.13.9, >=2.14.0 <2.14.16, >=3.0.0 <3.0.14, >=3.1.0-rc1 <3.1.2; its prose says 3.0.0-3.0.12)',
    checked: CHECKED,
    severity: 'critical',
    summary: 'an API token with project get permission reads repository credentials (usernames, passwords)',
    ranges: [
      { introduced: '2.13.0', fixed: '2.13.9' },
      { introduced: '2.14.0', fixed: '2.14.16' },
      { introduced: '3.0.0', fixed: '3.0.14' },
      { introduced: '3.1.0-rc1', fixed: '3.1.2' },
    ],
  },
];

export const RANCHER_CVES: readonly DatedCveRow[] = [
  {
    cve: 'CVE-2023-22651',
    source: 'GHSA-6m9f-pj6w-w87g (affected = 2.7.2, patched 2.7.3); rancher/rancher release v2.7.3',
    checked: CHECKED,
    severity: 'high',
    summary: 'after an upgrade to 2.7.2 its admission webhook validates nothing (only upgraded installs; `kubectl get validatingwebhookconfiguration rancher.cattle.io` shows 0 webhooks)',
    ranges: [{ introduced: '2.7.2', fixed: '2.7.3' }],
  },
];

export const PORTAINER_CVES: readonly DatedCveRow[] = [
  {
    cve: 'CVE-2018-12678',
    source: 'cvelistV5 CVE-2018-12678 (no structured range; its description: "before 1.18.0"); portainer/portainer release 1.18.0',
    checked: CHECKED,
    severity: 'critical',
    summary: 'the websocket exec endpoint takes unauthenticated requests: anyone who reaches Portainer gets a shell in its containers',
    ranges: [{ fixed: '1.18.0' }],
  },
  {
    cve: 'CVE-2018-19466',
    source: 'cvelistV5 CVE-2018-19466 (no structured range; its description: "before 1.20.0")',
    checked: CHECKED,
    severity: 'high',
    summary: 'LDAP credentials (a master password) are stored in cleartext and returned by API calls',
    ranges: [{ fixed: '1.20.0' }],
  },
  {
    cve: 'CVE-2026-134804',
    source: 'cvelistV5 CVE-2026-134804, VulnCheck (>=2.39.0 <2.39.9, >=2.40.0 <2.45.4, >=3.0.0 <3.1.0)',
    checked: CHECKED,
    severity: 'high',
    summary: "a Standard user takes over other users' attach and exec sessions over the WebSocket endpoints (root shells in their containers)",
    ranges: [
      { introduced: '2.39.0', fixed: '2.39.9' },
      { introduced: '2.40.0', fixed: '2.45.4' },
      { introduced: '3.0.0', fixed: '3.1.0' },
    ],
  },
];
