// The compact aggregator against the plain fold it replaced (a Map of row objects, kept here as
// the oracle): the same rows, in the same order, over a stream with hours out of order, late
// events for closed hours, times not in the API server's format, merges and pruning.
import { describe, expect, it } from 'vitest';
import { AUDIT_DETECTIONS } from '../checks/api-abuse/index';
import { actorOf, type Actor } from './actor';
import { AuditAggregator, DISTINCT_CAP, hourOf, MAX_ROWS, type AuditAggregate } from './aggregate';
import { packTime, timeText } from './compact';
import type { Detection } from './detection';
import { eventTime, type AuditEvent } from './event';
import { auditEvent, saUser } from './test-events';

/** The fold as first written: one object per row under a string key. */
class Oracle {
  rows = new Map<string, AuditAggregate>();
  constructor(private readonly detections: readonly Detection[]) {}
  private key = (d: string, h: string, a: Actor, o: AuditAggregate['object']) => [d, h, a.user, a.impersonated ?? '', o.kind, o.namespace ?? '', o.name].join('\u0000');
  add(e: AuditEvent) {
    const at = e.stage === 'RequestReceived' ? null : eventTime(e);
    if (!at) return;
    for (const d of this.detections) {
      const hit = d.match(e);
      if (!hit) continue;
      const actor = actorOf(e);
      const k = this.key(d.id, hourOf(at), actor, hit.object);
      let row = this.rows.get(k);
      if (!row) {
        if (this.rows.size >= MAX_ROWS) continue;
        row = { detection: d.id, hour: hourOf(at), actor: { ...actor, sourceIPs: actor.sourceIPs.slice(0, 5) }, object: hit.object, what: hit.what, count: 0, firstSeen: at, lastSeen: at, distinct: [] };
        this.rows.set(k, row);
      }
      this.fold(row, 1, at, at, actor.sourceIPs, hit.distinct === undefined ? [] : [hit.distinct]);
    }
  }
  merge(rows: AuditAggregate[]) {
    for (const r of rows) {
      const k = this.key(r.detection, r.hour, r.actor, r.object);
      const mine = this.rows.get(k);
      if (mine) this.fold(mine, r.count, r.firstSeen, r.lastSeen, r.actor.sourceIPs, r.distinct);
      else if (this.rows.size < MAX_ROWS) this.rows.set(k, structuredClone(r));
    }
  }
  private fold(row: AuditAggregate, n: number, first: string, last: string, ips: string[], distinct: string[]) {
    row.count += n;
    if (first < row.firstSeen) row.firstSeen = first;
    if (last > row.lastSeen) row.lastSeen = last;
    for (const ip of ips) if (row.actor.sourceIPs.length < 5 && !row.actor.sourceIPs.includes(ip)) row.actor.sourceIPs.push(ip);
    for (const x of distinct) if (row.distinct.length < DISTINCT_CAP && !row.distinct.includes(x)) row.distinct.push(x);
  }
  prune(hour: string) {
    for (const [k, r] of this.rows) if (r.hour < hour) this.rows.delete(k);
  }
}

const USERS = [{ username: 'alice@example.com', groups: ['dev', 'system:authenticated'] }, { username: 'bob@example.com', groups: ['ops'] }, saUser('shop', 'web'), saUser('ci', 'deployer')];

/** A mixed stream over eight hours: mostly in order, some events an hour or three late, some times in other formats. */
function stream(n: number): AuditEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const late = i % 97 === 0 ? 3 : i % 13 === 0 ? 1 : 0;
    const ms = Date.UTC(2026, 11, 1) + Math.max(0, Math.floor((i / n) * 8 * 3_600_000) - late * 3_600_000);
    const iso = new Date(ms).toISOString();
    const at = i % 29 === 0 ? iso : i % 31 === 0 ? iso.replace('Z', '+00:00') : iso.replace('Z', `${String(i % 1000).padStart(3, '0')}Z`);
    const user = USERS[(i * 7) % USERS.length]!;
    const ns = `ns-${i % 7}`;
    const shape = i % 5;
    return auditEvent({
      at,
      user,
      sourceIPs: [`10.0.0.${i % 9}`, `192.168.${i % 3}.1`],
      userAgent: i % 11 === 0 ? 'curl/8.5.0' : undefined,
      ...(i % 17 === 0 ? { impersonatedUser: { username: 'system:admin', groups: ['system:masters'] } } : {}),
      ...[
        { verb: 'get', resource: 'secrets', namespace: ns, name: `s-${i % 23}` },
        { verb: 'create', resource: 'pods', namespace: ns, name: `web-${i % 5}`, subresource: 'exec' },
        { verb: 'list', resource: 'secrets' },
        { verb: ['list', 'get', 'create'][i % 3]!, resource: ['secrets', 'nodes', 'pods'][i % 3]!, decision: 'forbid' as const },
        { verb: 'delete', resource: 'events', namespace: ns, name: `e-${i % 4}` },
      ][shape]!,
    });
  });
}

describe('the compact audit aggregator', () => {
  it('folds a stream into exactly the rows the plain fold makes, in the same order', () => {
    const events = stream(6000);
    const mine = new AuditAggregator(AUDIT_DETECTIONS);
    const oracle = new Oracle(AUDIT_DETECTIONS);
    for (const e of events) {
      mine.add(e);
      oracle.add(e);
    }
    const rows = mine.result([]).rows;
    expect(rows.length).toBeGreaterThan(200);
    expect(new Set(rows.map((r) => r.hour)).size).toBe(8);
    expect(rows).toEqual([...oracle.rows.values()]);
  });

  it('merges stored rows, prunes hours and goes on folding as the plain fold does', () => {
    const events = stream(4000);
    const before = new AuditAggregator(AUDIT_DETECTIONS);
    for (const e of events.slice(0, 2000)) before.add(e);
    const stored = before.takeChanged();
    expect(stored.length).toBe(before.result([]).rows.length);

    const mine = new AuditAggregator(AUDIT_DETECTIONS);
    const oracle = new Oracle(AUDIT_DETECTIONS);
    mine.merge(stored);
    oracle.merge(stored);
    for (const e of events.slice(1000, 3000)) (mine.add(e), oracle.add(e));
    mine.prune('2026-12-01T03:00:00.000Z');
    oracle.prune('2026-12-01T03:00:00.000Z');
    for (const e of events.slice(3000)) (mine.add(e), oracle.add(e));
    // A late event for a pruned hour makes a new row; one for a closed hour finds its row again.
    for (const e of events.slice(0, 600)) (mine.add(e), oracle.add(e));
    expect(mine.result([]).rows).toEqual([...oracle.rows.values()]);
    expect(mine.takeChanged().every((r) => r.hour >= '2026-12-01T00:00:00.000Z')).toBe(true);
  });

  it('counts a row again after its hour closed and reopened, not as a second row', () => {
    const agg = new AuditAggregator(AUDIT_DETECTIONS);
    const exec = (at: string) => auditEvent({ verb: 'create', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', at });
    agg.add(exec('2026-12-01T00:10:00.000000Z'));
    for (const h of ['01', '02', '03', '04', '05']) agg.add(exec(`2026-12-01T${h}:10:00.000000Z`));
    agg.add(exec('2026-12-01T00:50:00.000000Z'));
    const first = agg.result([]).rows.filter((r) => r.hour === '2026-12-01T00:00:00.000Z');
    expect(first.map((r) => [r.count, r.firstSeen, r.lastSeen])).toEqual([[2, '2026-12-01T00:10:00.234567Z', '2026-12-01T00:50:00.234567Z']]);
  });
});

describe('audit times held as numbers', () => {
  it('gives back exactly the text read, and keeps any other text as it is', () => {
    for (const t of ['2026-12-02T19:42:07.123456Z', '2024-02-29T23:59:59.999999Z', '1970-01-01T00:00:00.000000Z', '2026-12-31T00:00:00.000001Z']) {
      expect(typeof packTime(t)).toBe('number');
      expect(timeText(packTime(t))).toBe(t);
    }
    for (const t of ['2026-12-02T19:42:07Z', '2026-12-02T19:42:07.123Z', '2026-12-02T19:42:07.123456+01:00', '2025-02-29T00:00:00.000000Z', '2026-13-01T00:00:00.000000Z', '2026-12-02T24:00:00.000000Z', '2026-12-02T19:42:60.000000Z', '2026-12-02T19:42:0x.000000Z'])
      expect(packTime(t)).toBe(t);
  });
});
