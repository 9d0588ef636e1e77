// containerd minor versions and their end of life (endoflife.date products/containerd.md,
// as gathered in shared/reference/checks-catalogue.md section 5.6). Update with each release.
export const CONTAINERD_EOL: Readonly<Record<string, string>> = {
  '1.3': '2021-03-04',
  '1.4': '2022-03-03',
  '1.5': '2023-02-28',
  '1.6': '2025-08-23',
  '1.7': '2026-09-01',
  '2.0': '2027-03-01',
  '2.1': '2026-07-03',
  '2.2': '2026-11-06',
  '2.3': '2028-04-30',
};

/**
 * A containerd minor's end of life. Minors older than the table (1.0-1.2) ended before its
 * oldest row; newer unknown ones have none known yet (null).
 */
export function containerdEol(minor: string): string | null {
  if (CONTAINERD_EOL[minor]) return CONTAINERD_EOL[minor]!;
  const [major, min] = minor.split('.').map(Number) as [number, number];
  return major < 1 || (major === 1 && min < 3) ? CONTAINERD_EOL['1.3']! : null;
}

export interface RuntimeVersion {
  runtime: string;
  version: string;
  minor: string | null;
}

/** "containerd://1.7.22" -> { runtime: 'containerd', version: '1.7.22', minor: '1.7' } */
export function parseRuntimeVersion(s: string | null | undefined): RuntimeVersion | null {
  const m = /^([a-z0-9-]+):\/\/v?(\S+)$/i.exec(s ?? '');
  if (!m) return null;
  const minor = /^(\d+\.\d+)/.exec(m[2]!)?.[1] ?? null;
  return { runtime: m[1]!.toLowerCase(), version: m[2]!, minor };
}
