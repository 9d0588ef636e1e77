// Scheduled snapshots from the environment: SNAPSHOT_EVERY (e.g. 24h, 30m), retention by
// SNAPSHOT_KEEP (count per cluster) and/or SNAPSHOT_MAX_AGE (a duration, e.g. 90d).

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
/** Below this a "schedule" would just hammer the cluster and the database. */
export const MIN_EVERY_MS = 60_000;

/** '24h' -> ms; also '1h30m'. null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?[smhdw])+$/.test(s)) return null;
  let ms = 0;
  for (const [, n, unit] of s.matchAll(/(\d+(?:\.\d+)?)([smhdw])/g)) ms += Number(n) * UNIT_MS[unit!]!;
  return ms > 0 ? ms : null;
}

export interface SnapshotSchedule {
  everyMs: number;
  keep?: number;
  maxAgeDays?: number;
}

/** The schedule the environment asks for; null when SNAPSHOT_EVERY is unset. Throws on a value that cannot be meant. */
export function scheduleFromEnv(env: Record<string, string | undefined>): SnapshotSchedule | null {
  const every = env.SNAPSHOT_EVERY?.trim();
  if (!every) return null;
  const everyMs = parseDuration(every);
  if (everyMs === null) throw new Error(`SNAPSHOT_EVERY=${every} is not a duration such as 24h or 30m`);
  if (everyMs < MIN_EVERY_MS) throw new Error(`SNAPSHOT_EVERY=${every} is shorter than one minute`);
  const schedule: SnapshotSchedule = { everyMs };
  const keep = env.SNAPSHOT_KEEP?.trim();
  if (keep) {
    if (!/^\d+$/.test(keep) || Number(keep) < 1) throw new Error(`SNAPSHOT_KEEP=${keep} is not a positive whole number`);
    schedule.keep = Number(keep);
  }
  const maxAge = env.SNAPSHOT_MAX_AGE?.trim();
  if (maxAge) {
    const ms = parseDuration(maxAge);
    if (ms === null) throw new Error(`SNAPSHOT_MAX_AGE=${maxAge} is not a duration such as 90d`);
    schedule.maxAgeDays = ms / 86_400_000;
  }
  return schedule;
}
