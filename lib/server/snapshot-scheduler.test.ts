import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../snapshots/test-fixtures';
import { runScheduledSnapshot, startSnapshotSchedule } from './snapshot-scheduler';
import { snapshotStore } from './snapshot-service';
import { useTemporaryStore } from './temporary-store';

describe('scheduled snapshots', () => {
  useTemporaryStore('snap-sched-');

  it('each round stores the source’s posture and keeps only the newest scheduled ones, never a manual one', async () => {
    const store = await snapshotStore();
    const manual = await store.save(sampleDocument({ cluster: 'kube-posture-demo', generatedAt: '2020-01-01T00:00:00.000Z' }), 'by hand', {
      clusterKey: 'demo',
      scope: 'demo',
      origin: 'manual',
    });
    const schedule = { everyMs: 3_600_000, keep: 2 };
    for (let i = 0; i < 3; i++) expect((await runScheduledSnapshot(schedule, { kind: 'demo' })).ok).toBe(true);
    const left = await store.listScope('demo');
    expect(left.filter((s) => s.origin === 'scheduled')).toHaveLength(2);
    expect(left.map((s) => s.id)).toContain(manual.id);
  }, 120_000);

  it('stays off, and says why, when the environment asks for something that cannot be meant', async () => {
    expect(await startSnapshotSchedule({ SNAPSHOT_EVERY: 'daily' })).toBeNull();
    expect(await startSnapshotSchedule({})).toBeNull();
  });
});
