import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExceptionStore } from './exceptions-store';
import { NotificationLog } from './notification-log';
import { SnapshotStore } from './store';

// PostgreSQL when TEST_DATABASE_URL is set, as store.test.ts.
const PG_URL = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'pglite', open: (dir: string) => SnapshotStore.open({ dataDir: dir }) },
  ...(PG_URL ? [{ name: 'postgres', open: () => SnapshotStore.open({ databaseUrl: PG_URL }) }] : []),
];

const fields = {
  checkId: 'pod-security.pss.privileged',
  scope: { type: 'namespace' as const, namespace: 'apps' },
  reason: 'CNI migration',
  owner: 'team-net',
  expires: '2027-01-31',
};

describe.each(backends)('exceptions and notifications on $name', ({ open }) => {
  let dir: string;
  let store: SnapshotStore;
  let ex: ExceptionStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'exc-'));
    store = await open(dir);
    ex = new ExceptionStore(store.sql);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await store.sql.query('DELETE FROM posture_exceptions');
    await store.sql.query('DELETE FROM exception_audit');
    await store.sql.query('DELETE FROM notifications_sent');
  });

  it('creates, changes and deletes one cluster’s exceptions, auditing each with before and after', async () => {
    const t0 = new Date('2026-12-02T10:00:00Z');
    const created = await ex.create('live::prod', fields, 'alice', t0);
    expect(created).toMatchObject({ ...fields, createdBy: 'alice', clusterKey: 'live::prod' });
    expect(await ex.list('live::prod')).toHaveLength(1);
    // Another cluster sees, changes and deletes nothing.
    expect(await ex.list('live::staging')).toEqual([]);
    expect(await ex.update(created.id, 'live::staging', { reason: 'x' }, 'mallory')).toBeNull();
    expect(await ex.delete(created.id, 'live::staging', 'mallory')).toBe(false);

    const changed = await ex.update(created.id, 'live::prod', { expires: '2027-02-28' }, 'bob', new Date('2026-12-03T10:00:00Z'));
    expect(changed!.expires).toBe('2027-02-28');
    expect(await ex.delete(created.id, 'live::prod', 'carol', new Date('2026-12-04T10:00:00Z'))).toBe(true);
    expect(await ex.list('live::prod')).toEqual([]);

    const trail = await ex.auditTrail('live::prod');
    expect(trail.map((a) => [a.action, a.actor])).toEqual([
      ['delete', 'carol'],
      ['update', 'bob'],
      ['create', 'alice'],
    ]);
    expect(trail[1]!.before!.expires).toBe('2027-01-31');
    expect(trail[1]!.after!.expires).toBe('2027-02-28');
    expect(trail[0]!.after).toBeNull();
    expect(await ex.auditTrail('live::staging')).toEqual([]);
  });

  it('records what was sent per cluster and channel', async () => {
    const log = new NotificationLog(store.sql);
    expect(await log.unsent('k', 'slack', ['a', 'b'])).toEqual(['a', 'b']);
    await log.record('k', 'slack', ['a']);
    await log.record('k', 'slack', ['a']); // twice is harmless
    expect(await log.unsent('k', 'slack', ['a', 'b'])).toEqual(['b']);
    expect(await log.unsent('k', 'teams', ['a'])).toEqual(['a']);
    expect(await log.unsent('other', 'slack', ['a'])).toEqual(['a']);
  });
});
