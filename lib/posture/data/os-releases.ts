// Node operating systems and the end of their free security updates, by status.nodeInfo.osImage.
//
// Source: endoflife-date/endoflife.date products/ubuntu.md (commit 021ca13a) and products/debian.md
// (commit 007fc5ab), read 2026-11-22. Ubuntu: the "eol" column (end of standard security
// maintenance; Expanded Security Maintenance after it needs an Ubuntu Pro subscription, which the
// API cannot see). Debian: the "eoes" column (end of Debian LTS: since Debian 10 LTS fixes reach the
// regular security archive, free). Other systems are not judged.
// Refresh: copy the new rows from those two files; extend os-releases.test.ts.

export const OS_EOL_SOURCE = 'endoflife.date products/ubuntu.md (021ca13a) and products/debian.md (007fc5ab), read 2026-11-22';

export const UBUNTU_EOL: Readonly<Record<string, string>> = {
  '16.04': '2021-04-02',
  '18.04': '2023-05-31',
  '20.04': '2025-05-31',
  '22.04': '2027-04-01',
  '24.04': '2029-05-31',
  '24.10': '2025-07-10',
  '25.04': '2026-01-17',
  '25.10': '2026-07-01',
  '26.04': '2031-04-30',
};

export const DEBIAN_EOL: Readonly<Record<string, string>> = {
  '9': '2022-07-01',
  '10': '2024-06-30',
  '11': '2026-08-31',
  '12': '2028-06-10',
};

export interface OsRelease {
  name: string;
  release: string;
  eol: string | null;
}

/** "Ubuntu 20.04.6 LTS" -> ubuntu 20.04; "Debian GNU/Linux 12 (bookworm)" -> debian 12; others null. */
export function osRelease(osImage: string | null | undefined): OsRelease | null {
  const s = (osImage ?? '').trim();
  const ubuntu = /^Ubuntu (\d+\.\d+)/i.exec(s);
  if (ubuntu) return { name: 'Ubuntu', release: ubuntu[1]!, eol: UBUNTU_EOL[ubuntu[1]!] ?? null };
  const debian = /^Debian GNU\/Linux (\d+)/i.exec(s);
  if (debian) return { name: 'Debian', release: debian[1]!, eol: DEBIAN_EOL[debian[1]!] ?? null };
  return null;
}
