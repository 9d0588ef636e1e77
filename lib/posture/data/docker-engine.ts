// Docker Engine on Kubernetes nodes (through cri-dockerd; the node reports
// containerRuntimeVersion "docker://<version>"): which releases are past end of life, and which
// shipped a runc with a known container escape. Every row names its source and the day it was checked.
import type { DatedCveRow } from './cve-row';
import { runcCve } from './runc-cves';

export interface DockerEolRow {
  /** "26.1", "24.0", "20.10" (major.minor) or "27", "28" (from 27 on, a major is one release line). */
  cycle: string;
  /** End of life (YYYY-MM-DD), or null when none is announced yet. */
  eol: string | null;
  source: string;
  checked: string;
}

const EOL_SOURCE = 'endoflife.date products/docker-engine.md (commit 0118c303), from moby/moby project/BRANCHES-AND-TAGS.md';
const CHECKED = '2026-12-02';

export const DOCKER_ENGINE_EOL: readonly DockerEolRow[] = [
  { cycle: '29', eol: null, source: EOL_SOURCE, checked: CHECKED },
  { cycle: '28', eol: null, source: EOL_SOURCE, checked: CHECKED },
  { cycle: '27', eol: '2025-05-03', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '26.1', eol: '2025-02-17', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '26.0', eol: '2024-06-08', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '25.0', eol: null, source: EOL_SOURCE, checked: CHECKED },
  { cycle: '24.0', eol: '2024-06-08', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '23.0', eol: '2025-05-19', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '20.10', eol: '2023-12-10', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '19.03', eol: '2021-01-08', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '18.09', eol: '2019-08-22', source: EOL_SOURCE, checked: CHECKED },
  { cycle: '18.06', eol: '2018-12-08', source: EOL_SOURCE, checked: CHECKED },
];

/**
 * The release line of a Docker Engine version and its end of life. Versions older than the oldest
 * row (17.x and before) are long past theirs; unknown newer lines have none announced.
 */
export function dockerEngineEol(version: string): { cycle: string; eol: string | null } | null {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const cycleOf = (r: DockerEolRow) => r.cycle.split('.').map(Number) as [number, number | undefined];
  const row = DOCKER_ENGINE_EOL.find((r) => {
    const [a, b] = cycleOf(r);
    return a === major && (b === undefined || b === minor);
  });
  if (row) return { cycle: row.cycle, eol: row.eol };
  const oldest = DOCKER_ENGINE_EOL.at(-1)!;
  const [oMajor, oMinor] = cycleOf(oldest);
  if (major < oMajor || (major === oMajor && minor < (oMinor ?? 0))) return { cycle: `${m[1]}.${m[2]}`, eol: oldest.eol };
  return null;
}

/**
 * runc container escapes by the Docker Engine release that shipped the fixed runc (Docker's
 * release notes). Only the lines Docker's notes name are listed: a release line they do not
 * mention (e.g. 23.0 for CVE-2024-21626) is not judged for that CVE. A node whose runc came
 * from a newer containerd.io package may be fixed earlier; the finding says the inference.
 * Severities are capped at high: the runtime-known-cves check is declared high.
 */
function dockerRow(cve: string, source: string, ranges: DatedCveRow['ranges'], note: string): DatedCveRow {
  const runc = runcCve(cve);
  return { cve, source, checked: CHECKED, severity: 'high', summary: `runc ${runc.summary} (${note})`, ranges };
}

export const DOCKER_ENGINE_CVES: readonly DatedCveRow[] = [
  // Docker shipped a hot-patched runc in 18.06.3 and 18.09.2 (moby/moby#38713, docker/engine v18.09.2
  // release notes); every earlier release predates the fix.
  dockerRow(
    'CVE-2019-5736',
    'Docker Engine 18.09.2 and 18.06.3 release notes; moby/moby#38713',
    [{ fixed: '18.06.3' }, { introduced: '18.07.0-0', fixed: '18.09.2' }],
    'runc patched in Docker 18.06.3 and 18.09.2',
  ),
  // moby/moby v24.0.9 release notes: "Upgrade runc to v1.1.12"; 25.0.2 ships runc 1.1.12 (docker/docs#19288).
  dockerRow(
    'CVE-2024-21626',
    'moby/moby v24.0.9 release notes; docker/docs#19288 (Engine 25.0.2 with runc 1.1.12)',
    [
      { introduced: '24.0.0-0', fixed: '24.0.9' },
      { introduced: '25.0.0-0', fixed: '25.0.2' },
    ],
    'runc 1.1.12 shipped in Docker 24.0.9 and 25.0.2',
  ),
  // Docker 28.5.2 (2025-11-05) carries the fixes (docker/docs#23662, moby v28.5.2 release notes). The
  // fixed runc (1.2.8/1.3.3) was released that day, so 26.0 to 28.5.1 all shipped an affected runc.
  // Older lines got no fix from Docker's notes (25.0.14 of 2025-11-06 may carry one): not judged here;
  // all but 25.0 are past end of life, which docker-engine-end-of-life reports.
  ...['CVE-2025-31133', 'CVE-2025-52565', 'CVE-2025-52881'].map((cve) =>
    dockerRow(
      cve,
      'moby/moby v28.5.2 release notes (docker/docs#23662); runc 1.2.8 release date',
      [{ introduced: '26.0.0-0', fixed: '28.5.2' }],
      'runc fixed in Docker 28.5.2',
    ),
  ),
];
