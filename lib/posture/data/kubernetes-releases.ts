// Kubernetes minor versions and their end of life. Sources: kubernetes/website
// data/releases/eol.yaml (up to 1.31) and endoflife.date (1.32 on, planned dates), as
// gathered in shared/reference/checks-catalogue.md section 5.6. Update with each release.
export const KUBERNETES_EOL: Readonly<Record<number, string>> = {
  19: '2021-10-28',
  20: '2022-02-28',
  21: '2022-06-28',
  22: '2022-12-08',
  23: '2023-02-28',
  24: '2023-07-28',
  25: '2023-10-28',
  26: '2024-02-28',
  27: '2024-07-16',
  28: '2024-10-22',
  29: '2025-02-28',
  30: '2025-07-15',
  31: '2025-11-11',
  32: '2026-02-28',
  33: '2026-06-28',
  34: '2026-10-27',
  35: '2027-02-28',
  36: '2027-06-28',
};

/** Minors older than the table are long past end of life; newer ones are not yet. */
export function kubernetesEol(minor: number): string | null {
  const known = Object.keys(KUBERNETES_EOL).map(Number);
  if (minor < Math.min(...known)) return '2021-10-28';
  return KUBERNETES_EOL[minor] ?? null;
}

/** "v1.31.4", "v1.29.15-eks-abc" -> 31, or null. */
export function minorOf(version: string | null | undefined): number | null {
  const m = /^v?1\.(\d+)(?:\.|$)/.exec(version ?? '');
  return m ? Number(m[1]) : null;
}
