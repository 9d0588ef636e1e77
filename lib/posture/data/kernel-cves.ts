// Linux kernel container-escape vulnerabilities, by upstream stable release.
//
// Only rows whose ranges could be checked against a published write-up are here (see
// shared/reference/checks-catalogue.md section 5.4): Dirty Pipe (introduced 5.8; fixed 5.10.102,
// 5.15.25, 5.16.11, 5.17) and Dirty COW (fixed 4.4.26, 4.7.9, 4.8.3). CVE-2022-0185,
// CVE-2022-0492, CVE-2021-22555 and CVE-2024-1086 are left out: their stable-branch ranges are
// UNVERIFIED. Distribution kernels backport fixes without changing the upstream version
// ("5.15.0-1064-aws" is far newer than 5.15.0), so a match only means "possibly vulnerable".
// Stable branches that ended without a backport (5.11–5.14) stay affected.
// Refresh: kernel.org stable changelogs or the distribution security trackers; extend
// kernel-cves.test.ts with the boundaries.
import type { CveRow } from './cve-row';

export const KERNEL_CVES: readonly CveRow[] = [
  {
    cve: 'CVE-2022-0847',
    source: 'Dirty Pipe advisory (Max Kellermann, 2022-03-07)',
    severity: 'high',
    summary: '"Dirty Pipe": overwrite of read-only files, a known container escape',
    ranges: [
      { introduced: '5.8', fixed: '5.10.102' },
      { introduced: '5.11', fixed: '5.15.25' },
      { introduced: '5.16', fixed: '5.16.11' },
    ],
  },
  {
    cve: 'CVE-2016-5195',
    source: 'Dirty COW advisory (2016-10-19)',
    severity: 'high',
    summary: '"Dirty COW": copy-on-write race lets a process write read-only memory mappings',
    ranges: [
      { introduced: '2.6.22', fixed: '4.4.26' },
      { introduced: '4.5', fixed: '4.7.9' },
      { introduced: '4.8', fixed: '4.8.3' },
    ],
  },
];
