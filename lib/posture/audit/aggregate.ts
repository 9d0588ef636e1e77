// Folds a stream of audit events into bounded aggregates: per detection, actor, object and hour,
// a count, first and last seen, a few source addresses and user agents, and up to DISTINCT_CAP
// distinct things. Memory is bounded by MAX_ROWS, never by the number of events. Pure.
import { actorOf, type Actor } from './actor';
import type { Detection } from './detection';
import { eventTime, type AuditEvent } from './event';

export interface AuditAggregate {
  detection: string;
  /** The hour's start, ISO 8601 (2026-12-02T19:00:00.000Z). */
  hour: string;
  actor: Actor;
  object: { kind: string; namespace: string | null; name: string };
  what: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
  /** Distinct things touched (Secret names…), at most DISTINCT_CAP. */
  distinct: string[];
}

/** What audit data the posture is computed with (Inventory.audit). */
export interface AuditData {
  /** Events read (after stage de-duplication), in the window the rows cover. */
  events: number;
  /** Where they came from, e.g. "file audit.log", "webhook". No cluster names. */
  sources: string[];
  rows: AuditAggregate[];
  /** Rows left out because MAX_ROWS was reached. */
  dropped: number;
}

export const MAX_ROWS = 50_000;
export const DISTINCT_CAP = 50;
const LIST_CAP = 5;
const RECENT_IDS = 10_000;

export function hourOf(iso: string): string {
  // 2026-12-02T19:42:07.123456Z → 2026-12-02T19:00:00.000Z without a Date when it is already UTC.
  if (iso.length >= 20 && iso.endsWith('Z') && iso.charCodeAt(13) === 58) return `${iso.slice(0, 13)}:00:00.000Z`;
  const d = new Date(iso);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
}

const keyOf = (detection: string, hour: string, a: Actor, o: AuditAggregate['object']) =>
  `${detection}\u0000${hour}\u0000${a.user}\u0000${a.impersonated ?? ''}\u0000${o.kind}\u0000${o.namespace ?? ''}\u0000${o.name}`;

export class AuditAggregator {
  private rows = new Map<string, AuditAggregate>();
  /** auditIDs counted at ResponseStarted, so their ResponseComplete is not counted again. */
  private started = new Set<string>();
  events = 0;
  dropped = 0;
  /** Keys of rows changed since takeChanged(): what a store must write. */
  private changed = new Set<string>();

  constructor(private readonly detections: readonly Detection[]) {}

  add(e: AuditEvent): void {
    if (!this.countable(e)) return;
    const at = eventTime(e);
    if (!at) return;
    this.events++;
    let actor: Actor | undefined;
    for (const d of this.detections) {
      const hit = d.match(e);
      if (!hit) continue;
      actor ??= actorOf(e);
      this.note(d.id, at, actor, hit.object, hit.what, hit.distinct);
    }
  }

  /** Adds rows aggregated elsewhere (the store's), merging equal keys. */
  merge(rows: readonly AuditAggregate[]): void {
    for (const r of rows) {
      const k = keyOf(r.detection, r.hour, r.actor, r.object);
      const mine = this.rows.get(k);
      if (!mine) {
        if (this.rows.size >= MAX_ROWS) this.dropped++;
        else this.rows.set(k, { ...r, actor: { ...r.actor }, distinct: [...r.distinct] });
        continue;
      }
      mine.count += r.count;
      if (r.firstSeen < mine.firstSeen) mine.firstSeen = r.firstSeen;
      if (r.lastSeen > mine.lastSeen) mine.lastSeen = r.lastSeen;
      mine.actor.sourceIPs = union(mine.actor.sourceIPs, r.actor.sourceIPs, LIST_CAP);
      for (const x of r.distinct) addCapped(mine.distinct, x, DISTINCT_CAP);
    }
  }

  /** The rows changed since the last call (each hour's whole aggregate). */
  takeChanged(): AuditAggregate[] {
    const out = [...this.changed].map((k) => this.rows.get(k)).filter((r): r is AuditAggregate => r !== undefined);
    this.changed.clear();
    return out;
  }

  /** Drops hours before `hour` (ISO): the retention setting. */
  prune(hour: string): void {
    for (const [k, r] of this.rows) if (r.hour < hour) this.rows.delete(k);
  }

  result(sources: string[]): AuditData {
    return { events: this.events, sources, rows: [...this.rows.values()], dropped: this.dropped };
  }

  // RequestReceived carries no decision; a long-running request (exec, watch) is counted at
  // ResponseStarted and not again at its ResponseComplete.
  private countable(e: AuditEvent): boolean {
    if (e.stage === 'RequestReceived') return false;
    const id = e.auditID;
    if (!id) return true;
    if (e.stage === 'ResponseStarted') {
      if (this.started.size >= RECENT_IDS) this.started.clear();
      this.started.add(id);
      return true;
    }
    if (e.stage === 'ResponseComplete' && this.started.has(id)) {
      this.started.delete(id);
      return false;
    }
    return true;
  }

  private note(detection: string, at: string, actor: Actor, object: AuditAggregate['object'], what: string, distinct?: string) {
    const hour = hourOf(at);
    const k = keyOf(detection, hour, actor, object);
    let row = this.rows.get(k);
    if (!row) {
      if (this.rows.size >= MAX_ROWS) {
        this.dropped++;
        return;
      }
      row = { detection, hour, actor: { ...actor, sourceIPs: actor.sourceIPs.slice(0, LIST_CAP) }, object, what, count: 0, firstSeen: at, lastSeen: at, distinct: [] };
      this.rows.set(k, row);
    }
    row.count++;
    this.changed.add(k);
    if (at < row.firstSeen) row.firstSeen = at;
    if (at > row.lastSeen) row.lastSeen = at;
    if (actor.sourceIPs.length && row.actor.sourceIPs !== actor.sourceIPs) row.actor.sourceIPs = union(row.actor.sourceIPs, actor.sourceIPs, LIST_CAP);
    if (distinct !== undefined) addCapped(row.distinct, distinct, DISTINCT_CAP);
  }
}

function union(a: string[], b: string[], cap: number): string[] {
  const out = [...a];
  for (const x of b) addCapped(out, x, cap);
  return out;
}

function addCapped(list: string[], x: string, cap: number) {
  if (list.length < cap && !list.includes(x)) list.push(x);
}
