import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../snapshots/test-fixtures';
import { runScheduledSnapshot, startSnapshotSchedule } from './snapshot-scheduler';
import { closeSnapshotStore, snapshotStore } from './snapshot-service';

describe('scheduled snapshots', () => {
  let dir: string;
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'snap-sched-'));
    process.env.DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(async () => {
    await closeSnapshotStore();
    Object.assign(process.env, saved);
    if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('each round stores the source’s posture and keeps only the newest scheduled ones, never a manual one', async () => {
    const store = await snapshotStore();
    const manual = await store.save(sampleDocument({ cluster: 'kube-posture-demo', generatedAt: '2020-01-01T00:00:00.000Z' }), 'by hand', {
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
