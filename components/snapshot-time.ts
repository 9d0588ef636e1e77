// How a snapshot's times read: to the second (two snapshots seconds apart must differ), in UTC.

/** "2026-12-02 15:33:07 UTC". */
export function utcTime(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
}

/** The scan's time when it is not the moment the snapshot was stored (a later snapshot of the same scan, an import). */
export function scanTimeIfDifferent(createdAt: string, takenAt: string): string | null {
  return utcTime(createdAt) === utcTime(takenAt) ? null : utcTime(takenAt);
}
