// Scheduled snapshots (SNAPSHOT_EVERY) of the deployment's own source, with retention
// (SNAPSHOT_KEEP, SNAPSHOT_MAX_AGE) applied to scheduled snapshots only: a snapshot someone
// took or imported by hand is never deleted behind their back.
import { sourceFromEnv, type SourceSpec } from '../cluster/source';
import { scheduleFromEnv, type SnapshotSchedule } from '../snapshots/schedule';
import { snapshotStore, takeSnapshot, type TakeResult } from './snapshot-service';
import { clusterOf, sourceKey } from './request-source';
import { scansHere } from './replica/replicas';

const g = globalThis as typeof globalThis & { __kpSnapshotTimer?: NodeJS.Timeout };

/** One scheduled round: snapshot the source, then apply retention to scheduled snapshots. */
export async function runScheduledSnapshot(schedule: SnapshotSchedule, spec: SourceSpec): Promise<TakeResult> {
  // With replicas, the one that scans the cluster takes its scheduled snapshots: one per round, not one per replica.
  if (!(await scansHere(spec))) return { ok: false, error: 'another replica scans this cluster and takes its scheduled snapshots' };
  const r = await takeSnapshot({ origin: 'scheduled', cluster: clusterOf(spec), label: null });
  if (!r.ok) console.error(`[snapshots] scheduled snapshot skipped: ${r.error}`);
  if (schedule.keep !== undefined || schedule.maxAgeDays !== undefined)
    await (await snapshotStore()).prune({ keep: schedule.keep, maxAgeDays: schedule.maxAgeDays, origin: 'scheduled' });
  return r;
}

export async function startSnapshotSchedule(env: Record<string, string | undefined> = process.env): Promise<SnapshotSchedule | null> {
  let schedule: SnapshotSchedule | null;
  try {
    schedule = scheduleFromEnv(env);
  } catch (e) {
    console.error(`[snapshots] scheduled snapshots are off: ${(e as Error).message}`);
    return null;
  }
  if (!schedule || g.__kpSnapshotTimer) return schedule;
  const spec = sourceFromEnv();
  const store = await snapshotStore();
  // Resume the rhythm across restarts: the next one is due `every` after the last scheduled one.
  const last = (await store.listScope(sourceKey(spec))).filter((s) => s.origin === 'scheduled').at(-1);
  const dueIn = last ? Math.max(0, Date.parse(last.takenAt) + schedule.everyMs - Date.now()) : 0;
  const run = async () => {
    try {
      await runScheduledSnapshot(schedule, spec);
    } catch (e) {
      console.error('[snapshots] scheduled snapshot failed:', e);
    }
    g.__kpSnapshotTimer = setTimeout(run, schedule.everyMs);
    g.__kpSnapshotTimer.unref();
  };
  // A little after start, so the first scan does not compete with the server coming up.
  g.__kpSnapshotTimer = setTimeout(run, Math.max(dueIn, 5_000));
  g.__kpSnapshotTimer.unref();
  console.log(`[snapshots] scheduled every ${env.SNAPSHOT_EVERY}, next in ${Math.round(Math.max(dueIn, 5_000) / 1000)} s`);
  return schedule;
}
