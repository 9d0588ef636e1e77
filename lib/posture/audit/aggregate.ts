// Folds a stream of audit events into bounded aggregates: per detection, actor, object and hour,
// a count, first and last seen, a few source addresses and user agents, and up to DISTINCT_CAP
// distinct things. Memory is bounded by MAX_ROWS, never by the number of events, and kept small
// per row: strings shared (compact.ts), actor and object as shared tuples, times as numbers, and
// an hour's lookup index dropped when the hour closes (a late event reopens it). Pure.
import { actorOf, type Actor } from './actor';
import { earlier, Interner, packTime, timeText, Tuples, type Time } from './compact';
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
/** Hours with a lookup index; older ones are closed (events arrive roughly in time order). */
const OPEN_HOURS = 3;

export function hourOf(iso: string): string {
  // 2026-12-02T19:42:07.123456Z → 2026-12-02T19:00:00.000Z without a Date when it is already UTC.
  if (iso.length >= 20 && iso.endsWith('Z') && iso.charCodeAt(13) === 58) return `${iso.slice(0, 13)}:00:00.000Z`;
  const d = new Date(iso);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
}

type ObjectRef = AuditAggregate['object'];
interface ActorTuple {
  id: number;
  user: string;
  impersonated: string | undefined;
}
interface ObjectTuple {
  id: number;
  object: ObjectRef;
}

/** One aggregate, held compactly: every string shared, no nested copies. */
class Row {
  changed = false;
  gone = false;
  distinct: string[] | null = null;
  constructor(
    readonly seq: number,
    readonly det: number,
    readonly hour: string,
    readonly actor: ActorTuple,
    readonly object: ObjectTuple,
    readonly what: string,
    readonly groups: readonly string[],
    readonly userAgent: string,
    public ips: readonly string[],
    public count: number,
    public first: Time,
    public last: Time,
  ) {}
}

// Tuple ids stay below 2^20 (at most MAX_ROWS tuples live; ids are renumbered when rows are pruned), detections below 64.
const keyOf = (det: number, actor: number, object: number) => (object * 1_048_576 + actor) * 64 + det;
const rowKey = (r: Row) => keyOf(r.det, r.actor.id, r.object.id);

export class AuditAggregator {
  private open = new Map<string, Map<number, Row>>();
  private closed = new Map<string, Row[]>();
  private size = 0;
  private seq = 0;
  private strings = new Interner();
  private actors = new Tuples<ActorTuple>();
  private objects = new Tuples<ObjectTuple>();
  private detIds: string[] = [];
  private detIndex = new Map<string, number>();
  private hours = new Map<number, string>();
  /** The index last used: most events fall in the hour before. */
  private lastHour = '';
  private lastIndex: Map<number, Row> | null = null;
  /** auditIDs counted at ResponseStarted, so their ResponseComplete is not counted again. */
  private started = new Set<string>();
  events = 0;
  dropped = 0;
  /** Rows changed since takeChanged(): what a store must write. */
  private changed: Row[] = [];

  /** Each detection's number in row keys. */
  private readonly dets: number[];

  constructor(private readonly detections: readonly Detection[]) {
    this.dets = detections.map((d) => this.detNumber(d.id));
  }

  add(e: AuditEvent): void {
    if (!this.countable(e)) return;
    const at = eventTime(e);
    if (!at) return;
    this.events++;
    let actor: Actor | undefined;
    let time: Time = at;
    let hour = '';
    for (let i = 0; i < this.detections.length; i++) {
      const hit = this.detections[i]!.match(e);
      if (!hit) continue;
      if (!actor) {
        actor = actorOf(e);
        time = packTime(at);
        hour = this.hourOfTime(time, at);
      }
      const a = actor;
      const row = this.upsert(this.dets[i]!, hour, a.user, a.impersonated, hit.object, () => [hit.what, a.groups, a.userAgent, a.sourceIPs.slice(0, LIST_CAP), time]);
      if (!row) continue;
      this.count(row, 1, time, time, actor.sourceIPs);
      if (hit.distinct !== undefined) this.addDistinct(row, hit.distinct);
    }
  }

  /** Adds rows aggregated elsewhere (the store's), merging equal keys. */
  merge(rows: readonly AuditAggregate[]): void {
    for (const r of rows) {
      const first = packTime(r.firstSeen);
      const row = this.upsert(this.detNumber(r.detection), this.strings.str(r.hour), r.actor.user, r.actor.impersonated, r.object, () => [r.what, r.actor.groups, r.actor.userAgent, r.actor.sourceIPs, first], false);
      if (!row) continue;
      this.count(row, r.count, first, packTime(r.lastSeen), r.actor.sourceIPs);
      for (const x of r.distinct) this.addDistinct(row, x);
    }
  }

  /** The rows changed since the last call (each hour's whole aggregate). */
  takeChanged(): AuditAggregate[] {
    const out = this.changed.filter((r) => !r.gone).map((r) => this.aggregate(r));
    for (const r of this.changed) r.changed = false;
    this.changed = [];
    return out;
  }

  /** Drops hours before `hour` (ISO): the retention setting. */
  prune(hour: string): void {
    let dropped = false;
    const drop = (rows: Iterable<Row>) => {
      for (const r of rows) {
        r.gone = true;
        this.size--;
        dropped = true;
      }
    };
    for (const [h, index] of this.open) if (h < hour) (drop(index.values()), this.open.delete(h));
    for (const [h, rows] of this.closed) if (h < hour) (drop(rows), this.closed.delete(h));
    if (dropped) this.renumber();
  }

  result(sources: string[]): AuditData {
    return { events: this.events, sources, rows: this.all().map((r) => this.aggregate(r)), dropped: this.dropped };
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

  private detNumber(id: string): number {
    let n = this.detIndex.get(id);
    if (n === undefined) {
      n = this.detIds.push(id) - 1;
      if (n >= 64) throw new Error('more than 64 audit detections');
      this.detIndex.set(id, n);
    }
    return n;
  }

  private hourOfTime(t: Time, at: string): string {
    if (typeof t === 'string') return this.strings.str(hourOf(at));
    const h = Math.floor(t / 3_600_000_000);
    let s = this.hours.get(h);
    if (s === undefined) this.hours.set(h, (s = this.strings.str(hourOf(at))));
    return s;
  }

  /** The row of (detection, hour, actor, object), made from `fresh` when there is none and room for one. */
  private upsert(
    det: number,
    hour: string,
    user: string,
    impersonated: string | undefined,
    object: ObjectRef,
    fresh: () => [what: string, groups: readonly string[], userAgent: string, ips: string[], first: Time],
    markChanged = true,
  ): Row | null {
    const index = this.index(hour);
    const a = this.actors.get(user, impersonated ?? '', '');
    const o = this.objects.get(object.kind, object.namespace ?? '', object.name);
    let row = a && o ? index.get(keyOf(det, a.id, o.id)) : undefined;
    if (!row) {
      if (this.size >= MAX_ROWS) {
        this.dropped++;
        return null;
      }
      const [what, groups, userAgent, ips, first] = fresh();
      const s = this.strings;
      row = new Row(this.seq++, det, hour, a ?? this.actorTuple(user, impersonated), o ?? this.objectTuple(object), s.str(what), s.list(groups), s.str(userAgent), ips.map((ip) => s.str(ip)), 0, first, first);
      index.set(rowKey(row), row);
      this.size++;
    }
    if (markChanged && !row.changed) {
      row.changed = true;
      this.changed.push(row);
    }
    return row;
  }

  private count(row: Row, n: number, first: Time, last: Time, ips: readonly string[]) {
    row.count += n;
    if (earlier(first, row.first)) row.first = first;
    if (earlier(row.last, last)) row.last = last;
    if (ips.length && row.ips.length < LIST_CAP && ips !== row.ips && !ips.every((ip) => row.ips.includes(ip))) {
      const more = ips.filter((ip, i) => !row.ips.includes(ip) && ips.indexOf(ip) === i);
      if (more.length) row.ips = [...row.ips, ...more.map((ip) => this.strings.str(ip))].slice(0, LIST_CAP);
    }
  }

  private addDistinct(row: Row, x: string) {
    const list = (row.distinct ??= []);
    if (list.length < DISTINCT_CAP && !list.includes(x)) list.push(this.strings.str(x));
  }

  private actorTuple(user: string, impersonated: string | undefined): ActorTuple {
    const t = { id: this.actors.size, user: this.strings.str(user), impersonated: impersonated === undefined ? undefined : this.strings.str(impersonated) };
    this.actors.set(user, impersonated ?? '', '', t);
    return t;
  }

  private objectTuple(o: ObjectRef): ObjectTuple {
    const s = this.strings;
    const t = { id: this.objects.size, object: { kind: s.str(o.kind), namespace: o.namespace === null ? null : s.str(o.namespace), name: s.str(o.name) } };
    this.objects.set(o.kind, o.namespace ?? '', o.name, t);
    return t;
  }

  /** The hour's lookup index, reopening a closed hour; the oldest open hour closes when too many are open. */
  private index(hour: string): Map<number, Row> {
    if (hour === this.lastHour && this.lastIndex) return this.lastIndex;
    let index = this.open.get(hour);
    if (!index) {
      index = new Map();
      for (const r of this.closed.get(hour) ?? []) index.set(rowKey(r), r);
      this.closed.delete(hour);
      this.open.set(hour, index);
      if (this.open.size > OPEN_HOURS) {
        const oldest = [...this.open.keys()].filter((h) => h !== hour).sort()[0]!;
        this.closed.set(oldest, [...this.open.get(oldest)!.values()]);
        this.open.delete(oldest);
      }
    }
    this.lastHour = hour;
    this.lastIndex = index;
    return index;
  }

  private all(): Row[] {
    const out: Row[] = [];
    for (const index of this.open.values()) for (const r of index.values()) out.push(r);
    for (const rows of this.closed.values()) for (const r of rows) out.push(r);
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** After pruning: tuples and strings only the dropped rows used are let go, ids renumbered. */
  private renumber() {
    const rows = this.all();
    this.changed = this.changed.filter((r) => !r.gone);
    this.strings = new Interner();
    this.actors = new Tuples();
    this.objects = new Tuples();
    this.hours = new Map();
    this.lastIndex = null;
    const s = this.strings;
    for (const r of rows) {
      const o = r.object.object;
      if (!this.actors.get(r.actor.user, r.actor.impersonated ?? '', '')) this.actors.set(r.actor.user, r.actor.impersonated ?? '', '', Object.assign(r.actor, { id: this.actors.size }));
      if (!this.objects.get(o.kind, o.namespace ?? '', o.name)) this.objects.set(o.kind, o.namespace ?? '', o.name, Object.assign(r.object, { id: this.objects.size }));
      for (const x of [r.hour, r.what, r.userAgent, r.actor.user, r.actor.impersonated, o.kind, o.namespace, o.name, ...(r.distinct ?? [])]) if (typeof x === 'string') s.str(x);
      s.adopt(r.groups);
      for (const ip of r.ips) s.str(ip);
    }
    for (const [h, index] of this.open) this.open.set(h, new Map([...index.values()].map((r) => [rowKey(r), r])));
  }

  /** A row as the posture and the store take it. */
  private aggregate(r: Row): AuditAggregate {
    const a = r.actor;
    return {
      detection: this.detIds[r.det]!,
      hour: r.hour,
      actor: { user: a.user, groups: [...r.groups], sourceIPs: [...r.ips], userAgent: r.userAgent, ...(a.impersonated !== undefined ? { impersonated: a.impersonated } : {}) },
      object: { ...r.object.object },
      what: r.what,
      count: r.count,
      firstSeen: timeText(r.first),
      lastSeen: timeText(r.last),
      distinct: r.distinct ? [...r.distinct] : [],
    };
  }
}
