// Issue 19, agent → hub: the ingest route against the real fleet store (PGlite, and PostgreSQL
// when TEST_DATABASE_URL is set). Wrong, malformed and revoked tokens are refused; a token
// reaches only its own cluster; a retried report is stored once, also after the hub restarts; an
// older report is refused; size and rate are capped; no token reaches the log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { FleetStore, REPORT_DAYS } from '../fleet/store';
import { computePosture } from '../posture/engine';
import { fixSummary } from '../posture/fleet-fix-first';
import { newIngestToken } from '../fleet/tokens';
import { LatestPostureStore } from '../snapshots/latest-posture';
import { SnapshotStore } from '../snapshots/store';
import { sampleDocument } from '../snapshots/test-fixtures';
import { FUTURE_SKEW_MS, handleIngest, type IngestDeps } from './fleet-ingest';

const PG_URL = process.env.TEST_DATABASE_URL;
const backends = [
  { name: 'pglite', open: (dir: string) => SnapshotStore.open({ dataDir: dir }) },
  ...(PG_URL ? [{ name: 'postgres', open: () => SnapshotStore.open({ databaseUrl: PG_URL }) }] : []),
];

describe.each(backends)('POST /api/fleet/ingest on $name', ({ name: backend, open }) => {
  let dir: string;
  let store: SnapshotStore;
  // Names of this run only: the PostgreSQL database is shared with other test files.
  const run = `${process.pid}-${Date.now() % 1e6}`;
  const [A, B] = [`prod-a-${run}`, `prod-b-${run}`];
  const logged: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fleet-ingest-'));
    store = await open(dir);
    for (const m of ['log', 'error', 'warn', 'info'] as const)
      vi.spyOn(console, m).mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')));
  }, 120_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await store.sql.query('DELETE FROM fleet_reports WHERE cluster_key LIKE $1', [`fleet:%-${run}`]);
    await store.sql.query('DELETE FROM latest_posture WHERE cluster_key LIKE $1', [`fleet:%-${run}`]);
    await store.sql.query('DELETE FROM fleet_clusters WHERE cluster_key LIKE $1', [`fleet:%-${run}`]); // their rate rows go with them
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const deps = (over: Partial<IngestDeps> = {}): IngestDeps => ({
    fleet: async () => new FleetStore(store.sql),
    perMinute: 1000,
    maxBytes: 20 * 1024 * 1024,
    ...over,
  });
  const push = (token: string | null, body: string, d = deps(), headers: Record<string, string> = {}) =>
    handleIngest(
      new Request('http://hub.test/api/fleet/ingest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
        body,
      }),
      d,
    );
  // Report times a few days back from today: the hub drops reports older than REPORT_DAYS, so fixed dates would age out.
  const BASE = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
  const day = (offset: number, time: string) => new Date(Date.parse(`${BASE}T${time}:00.000Z`) + offset * 86_400_000).toISOString();
  const report = (generatedAt: string, privileged = false) => JSON.stringify(sampleDocument({ generatedAt, privileged, cluster: 'in-cluster' }));

  it('refuses a missing, malformed or unknown token with 401, before reading the report', async () => {
    const body = report(day(0, '10:00'));
    const answers = await Promise.all([push(null, body), push('not-a-token', body), push(newIngestToken(), body), push(`${newIngestToken()}x`, body)]);
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(answers[2]!.headers.get('www-authenticate')).toBe('Bearer');
    expect((await new FleetStore(store.sql).clusters()).filter((c) => c.name.endsWith(run))).toEqual([]);
  });

  it('stores a report under the token’s cluster only; a retry of it is stored once; an older report is refused', async () => {
    const fleet = new FleetStore(store.sql);
    const a = await fleet.createToken(A, { labels: { env: 'prod', region: 'eu' } });
    await fleet.createToken(B);
    const first = report(day(0, '10:00'));
    const r1 = await push(a.token, first);
    expect(r1.status).toBe(201);
    expect(await r1.json()).toMatchObject({ cluster: A, status: 'stored' });
    const r2 = await push(a.token, first);
    expect(r2.status).toBe(200);
    expect(await r2.json()).toMatchObject({ status: 'duplicate' });
    expect(await fleet.reportCount(`fleet:${A}`)).toBe(1);
    expect(await new LatestPostureStore(store.sql).meta(`fleet:${B}`)).toBeNull(); // B's row untouched

    const older = await push(a.token, report(day(0, '09:00'), true));
    expect(older.status).toBe(409);
    const sameTimeOtherBody = await push(a.token, report(day(0, '10:00'), true));
    expect(sameTimeOtherBody.status).toBe(409);
    const newer = await push(a.token, report(day(0, '10:05'), true));
    expect(newer.status).toBe(201);
    expect(await fleet.reportCount(`fleet:${A}`)).toBe(2);
    const held = await fleet.cluster(A);
    expect(held?.last?.generatedAt).toBe(day(0, '10:05'));
    expect(held?.last?.failing.length).toBeGreaterThan(0);
    expect(held?.labels).toEqual({ env: 'prod', region: 'eu' });
    expect((await new LatestPostureStore(store.sql).get(`fleet:${A}`))?.doc.generatedAt).toBe(day(0, '10:05'));
  });

  it('keeps on the cluster’s row what /fleet shows without the document: the fix-first changes, cut down, and the score a day before', async () => {
    const fleet = new FleetStore(store.sql);
    const name = `summary-${run}`;
    const { token } = await fleet.createToken(name);
    expect((await push(token, report(day(-2, '10:00')))).status).toBe(201);
    const first = (await fleet.cluster(name))!.last!;
    expect(first.dayBefore).toBeNull(); // no older report: no trend
    expect(first.fixes).toEqual([]); // a report without attack paths
    expect((await push(token, report(day(-2, '10:03'), true))).status).toBe(201);
    const second = (await fleet.cluster(name))!.last!;
    expect(second.score).not.toBe(first.score);
    expect(second.dayBefore).toBe(first.score); // none a day older: the oldest older one
    const demo = computePosture(await scanDemo(), { now: new Date(day(-1, '10:05')) });
    expect((await push(token, JSON.stringify(demo))).status).toBe(201);
    const last = (await fleet.cluster(name))!.last!;
    expect(last.dayBefore).toBe(second.score); // the latest at least a day older
    expect(last.fixes).toEqual(fixSummary(demo));
    expect(last.fixes[0]).toMatchObject({ kind: 'ClusterRoleBinding', name: 'ci-deployer-cluster-admin' });
  }, 120_000);

  it('a retry after the hub restarts lands once', async () => {
    const name = `restart-${run}`;
    const { token } = await new FleetStore(store.sql).createToken(name);
    const body = report(day(0, '11:00'));
    expect((await push(token, body)).status).toBe(201);
    // The hub restarts (its answer was lost on the way): the agent sends the same report again.
    await store.close();
    store = await open(dir);
    const again = await push(token, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'duplicate' });
    expect(await new FleetStore(store.sql).reportCount(`fleet:${name}`)).toBe(1);
  }, 120_000);

  it('refuses a revoked token, and revoking by name ends every token of the cluster', async () => {
    const fleet = new FleetStore(store.sql);
    const name = `revoked-${run}`;
    const one = await fleet.createToken(name);
    const two = await fleet.createToken(name);
    expect(await fleet.revoke(one.id)).toBe(1);
    expect((await push(one.token, report(day(0, '12:00')))).status).toBe(401);
    expect((await push(two.token, report(day(0, '12:00')))).status).toBe(201);
    expect(await fleet.revoke(name)).toBe(1);
    expect((await push(two.token, report(day(0, '12:05')))).status).toBe(401);
    expect(await fleet.reportCount(`fleet:${name}`)).toBe(1);
  });

  it('validates like an import, and caps size per report', async () => {
    const fleet = new FleetStore(store.sql);
    const name = `caps-${run}`;
    const { token } = await fleet.createToken(name);
    const doc = JSON.parse(report(day(0, '13:00')));
    const edited = JSON.stringify({ ...doc, findings: doc.findings.slice(1) }); // counts no longer follow
    const bad = await push(token, edited);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/\$\.checks|\$\.areas/);
    expect((await push(token, '{"schemaVersion": 1, "__proto__": {}}')).status).toBe(400);
    expect((await push(token, report(day(0, '13:00')), deps({ maxBytes: 1024 }))).status).toBe(413);
    expect((await push(token, report(day(0, '13:00')), deps(), { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(await fleet.reportCount(`fleet:${name}`)).toBe(0);
  });

  it('refuses a report from the future (it would make every later one "older") or from before the days the hub keeps', async () => {
    const fleet = new FleetStore(store.sql);
    const name = `clock-${run}`;
    const { token } = await fleet.createToken(name);
    const now = Date.now();
    const ahead = await push(token, report(new Date(now + FUTURE_SKEW_MS + 60_000).toISOString()));
    expect(ahead.status).toBe(422);
    expect((await ahead.json()).error).toMatch(/after the hub's time .*check the agent's clock/);
    const stale = await push(token, report(new Date(now - (REPORT_DAYS + 1) * 86_400_000).toISOString()));
    expect(stale.status).toBe(422);
    expect((await stale.json()).error).toMatch(new RegExp(`before the ${REPORT_DAYS} days the hub keeps`));
    expect(await fleet.reportCount(`fleet:${name}`)).toBe(0);
    // Within the skew: taken; the agent's next report, on time, is not refused as older.
    expect((await push(token, report(new Date(now + 60_000).toISOString()))).status).toBe(201);
    expect((await push(token, report(new Date(now + 120_000).toISOString()))).status).toBe(201);
    expect(await fleet.reportCount(`fleet:${name}`)).toBe(2);
  });

  it('caps the rate per cluster in the database: a second replica on the same store shares the count', async () => {
    const name = `rate-${run}`;
    const { token } = await new FleetStore(store.sql).createToken(name);
    // Two replicas: their own FleetStore (on PostgreSQL their own connection pool), one database.
    const second = backend === 'postgres' ? await open(dir) : store;
    try {
      const replica = (sql: SnapshotStore['sql']) => deps({ fleet: async () => new FleetStore(sql), perMinute: 2 });
      const statuses = [];
      for (const [i, d] of [replica(store.sql), replica(second.sql), replica(store.sql)].entries())
        statuses.push((await push(token, report(day(0, `13:0${i}`)), d)).status);
      expect(statuses).toEqual([201, 201, 429]);
      const refused = await push(token, report(day(0, '13:09')), replica(second.sql));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      expect(await new FleetStore(store.sql).reportCount(`fleet:${name}`)).toBe(2);
      // Another cluster is counted on its own.
      const other = await new FleetStore(store.sql).createToken(`rate-other-${run}`);
      expect((await push(other.token, report(day(0, '13:00')), replica(second.sql))).status).toBe(201);
    } finally {
      if (second !== store) await second.close();
    }
  });

  it('the rate window: refused until a minute after it began, then counted afresh', async () => {
    const fleet = new FleetStore(store.sql);
    const name = `window-${run}`;
    await fleet.createToken(name);
    const key = `fleet:${name}`;
    const t0 = Date.parse('2030-01-01T00:00:00Z');
    const at = (s: number) => new Date(t0 + s * 1000);
    expect(await fleet.countReport(key, 2, at(0))).toEqual({ allowed: true });
    expect(await fleet.countReport(key, 2, at(10))).toEqual({ allowed: true });
    expect(await fleet.countReport(key, 2, at(20))).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(await fleet.countReport(key, 2, at(59))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await fleet.countReport(key, 2, at(60))).toEqual({ allowed: true });
    expect(await fleet.countReport(key, 2, at(61))).toEqual({ allowed: true });
    expect(await fleet.countReport(key, 2, at(62))).toMatchObject({ allowed: false });
  });

  it.runIf(backend === 'postgres')('concurrent reports on two replicas: exactly the cap is let through', async () => {
    const fleet = new FleetStore(store.sql);
    const name = `race-${run}`;
    await fleet.createToken(name);
    const second = await open(dir);
    try {
      const stores = [fleet, new FleetStore(second.sql)];
      const at = new Date('2030-02-01T00:00:00Z');
      const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => stores[i % 2]!.countReport(`fleet:${name}`, 4, at)));
      expect(answers.filter((a) => a.allowed)).toHaveLength(4);
    } finally {
      await second.close();
    }
  });

  it('never logs a token', async () => {
    const tokens = (await new FleetStore(store.sql).tokens()).length;
    expect(tokens).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toMatch(/kpi_[A-Za-z0-9_-]{20,}/);
  });
});
