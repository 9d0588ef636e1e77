// Known vulnerabilities of kubectl, the client, by its version (as `kubectl version --client`
// prints it, or as it names itself in a request's user agent: "kubectl/v1.26.1 (linux/amd64)
// kubernetes/<commit>"). Most are the `kubectl cp` path-traversal line: a malicious container
// writes files outside the destination on the machine running kubectl. Every row names its
// source (the Kubernetes security issue or announcement where one states the versions) and the day
// it was checked.
//
// Left out on purpose, and why:
// - CVE-2019-1002100 is the API server's json-patch DoS, not a kubectl bug.
// - CVE-2021-25743 (ANSI escapes in kubectl output): the Go vulnerability database gives
//   <1.26.0-alpha.3 but the upstream issue (kubernetes/kubernetes#101695) was not read; not listed.
// - CVE-2020-8565 (tokens in logs at -v 9 or more): client-go, kubectl and the API server alike,
//   only with the verbosity raised; the ranges given (vuln-list-k8s) start at 1.17 without saying why.
// Refresh: read the official CVE feed (kubernetes.io/docs/reference/issues-security/official-cve-feed)
// for sig/cli issues, add rows and extend data/cve-tables.test.ts with each range's boundaries.
import type { DatedCveRow } from './cve-row';

const CHECKED = '2026-12-02';

export const KUBECTL_CVES: readonly DatedCveRow[] = [
  {
    cve: 'CVE-2018-1002100',
    source: 'GO-2023-1959 (>=1.5.0 <1.9.6; the announcement: fixed in 1.9.6 and 1.10.0, 1.5-1.8 affected)',
    checked: CHECKED,
    severity: 'high',
    summary: '`kubectl cp` path traversal: a malicious tar in the container overwrites files on the client machine',
    ranges: [{ introduced: '1.5.0', fixed: '1.9.6' }],
  },
  {
    cve: 'CVE-2019-1002101',
    source: 'kubernetes/kubernetes#75037 (upgrade to 1.11.9, 1.12.7, 1.13.5, 1.14.0); GO-2022-0782',
    checked: CHECKED,
    severity: 'high',
    summary: '`kubectl cp` symlink traversal: files written outside the destination directory',
    ranges: [{ fixed: '1.11.9' }, { introduced: '1.12.0', fixed: '1.12.7' }, { introduced: '1.13.0', fixed: '1.13.5' }],
  },
  {
    cve: 'CVE-2019-11246',
    source: 'NVD via golang/vulndb#2230 (prior to 1.12.9, 1.13.6, 1.14.2); kubernetes/kubernetes#76788',
    checked: CHECKED,
    severity: 'high',
    summary: '`kubectl cp` incomplete fix of CVE-2019-1002101: files written anywhere the user can write',
    ranges: [{ fixed: '1.12.9' }, { introduced: '1.13.0', fixed: '1.13.6' }, { introduced: '1.14.0', fixed: '1.14.2' }],
  },
  {
    cve: 'CVE-2019-11249',
    source: 'kubernetes/kubernetes#80984 (vulnerable 1.0-1.12, 1.13.0-1.13.8, 1.14.0-1.14.4, 1.15.0-1.15.1)',
    checked: CHECKED,
    severity: 'medium',
    summary: '`kubectl cp` incomplete fixes of CVE-2019-1002101 and CVE-2019-11246 (user interaction needed)',
    ranges: [{ fixed: '1.13.9' }, { introduced: '1.14.0', fixed: '1.14.5' }, { introduced: '1.15.0', fixed: '1.15.2' }],
  },
  {
    cve: 'CVE-2019-11251',
    source: 'kubernetes/kubernetes#87773 (vulnerable: exactly v1.13.10, v1.14.6, v1.15.3)',
    checked: CHECKED,
    severity: 'medium',
    summary: '`kubectl cp` two-symlink escape out of the destination directory',
    ranges: [
      { introduced: '1.13.10', fixed: '1.13.11' },
      { introduced: '1.14.6', fixed: '1.14.7' },
      { introduced: '1.15.3', fixed: '1.15.4' },
    ],
  },
  {
    cve: 'CVE-2019-11244',
    source: 'aquasecurity/vuln-list-k8s for kubernetes/kubernetes#76676 (>=1.8.0 <1.12.9, >=1.13.0 <1.13.7, >=1.14.0 <1.14.3; the issue itself not read)',
    checked: CHECKED,
    severity: 'low',
    summary: '`kubectl --http-cache` pointing at a shared directory creates world-writable cache files',
    ranges: [{ introduced: '1.8.0', fixed: '1.12.9' }, { introduced: '1.13.0', fixed: '1.13.7' }, { introduced: '1.14.0', fixed: '1.14.3' }],
  },
];
