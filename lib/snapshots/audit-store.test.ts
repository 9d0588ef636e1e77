import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditAggregator } from '@/lib/posture/audit/aggregate';
import { auditEvent } from '@/lib/posture/audit/test-events';
import { AUDIT_DETECTIONS } from '@/lib/posture/checks/api-abuse/index';
import { AuditIntake } from '@/lib/server/audit-receiver';
import { AuditStore } from './audit-store';
import { SnapshotStore } from './store';

// PostgreSQL when TEST_DATABASE_URL is set, as store.test.ts; keys of its own, so it shares the database safely.
const PG_URL = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'pglite', open: (dir: string) => SnapshotStore.open({ dataDir: dir }) },
  ...(PG_URL ? [{ name: 'postgres', open: () => SnapshotStore.open({ databaseUrl: PG_URL }) }] : []),
];

const exec = (at: string, name = 'web-1') => auditEvent({ verb: 'create', resource: 'pods', namespace: 'shop', name, subresource: 'exec', at });

describe.each(backends)('audit aggregates on $name', ({ open }) => {
  let dir: string;
  let store: SnapshotStore;
  let audit: AuditStore;
  const K = `live::audit-${process.pid}-${Date.now()}`;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'audit-store-'));
    store = await open(dir);
    audit = new AuditStore(store.sql);
  }, 120_000);
  afterAll(async () => {
    await store.sql.query('DELETE FROM audit_aggregates WHERE cluster_key LIKE $1', [`${K}%`]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves changed hours, replaces them on the next save, keeps clusters apart and drops what is past retention', async () => {
    const agg = new AuditAggregator(AUDIT_DETECTIONS);
    agg.add(exec('2026-12-01T08:10:00.000000Z'));
    agg.add(exec('2026-12-02T10:10:00.000000Z'));
    await audit.save(`${K}a`, agg.takeChanged());
    agg.add(exec('2026-12-02T10:20:00.000000Z'));
    await audit.save(`${K}a`, agg.takeChanged());
    const rows = await audit.load(`${K}a`, '2026-12-01T00:00:00.000Z');
    expect(rows.map((r) => [r.hour, r.count])).toEqual([
      ['2026-12-01T08:00:00.000Z', 1],
      ['2026-12-02T10:00:00.000Z', 2],
    ]);
    expect(await audit.load(`${K}b`, '2026-12-01T00:00:00.000Z')).toEqual([]);
    expect(await audit.prune('2026-12-02T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
    expect((await audit.load(`${K}a`, '2026-11-01T00:00:00.000Z')).map((r) => r.hour)).toEqual(['2026-12-02T10:00:00.000Z']);
  });

  it('an intake restored from the store goes on counting where it stopped', async () => {
    const now = () => new Date('2026-12-02T11:00:00Z');
    const intake = new AuditIntake(48, () => {}, now);
    intake.restore(await audit.load(`${K}a`, intake.retainedFrom()));
    expect(intake.data().events).toBe(2);
    intake.enqueue([exec('2026-12-02T10:40:00.000000Z')]);
    await intake.settled();
    expect(intake.data().rows.find((r) => r.hour === '2026-12-02T10:00:00.000Z')?.count).toBe(3);
  });
});
