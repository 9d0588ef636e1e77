// Several dashboard replicas on one PostgreSQL (DATABASE_URL): for each cluster, the replica that
// holds its advisory lock (advisory-lock.ts) scans and follows it and stores every new posture in
// latest_posture; the others serve that stored posture and ask the scanning one, through the same
// row, to scan again (a rescan, changed exceptions). Every replica tries the lock each tick, so
// when the scanning one dies another takes over within two ticks. With PGlite (one process) or
// REPLICA_ELECTION=off every process scans for itself, as before.
import type { SourceSpec } from '../../cluster/source';
import type { PostureDocument } from '../../posture/types';
import { LatestPostureStore, type LatestMeta } from '../../snapshots/latest-posture';
import { clusterOf } from '../request-source';
import { appStore } from '../snapshot-store';
import { advisoryLocks, type LeaderLocks } from './advisory-lock';

export interface LocalPosture {
  /** This process's posture of the source, scanning when stale (posture-service's own path). */
  refresh(spec: SourceSpec): Promise<{ doc: PostureDocument | null; error: string | null }>;
  /** Drops the local follower and makes the next refresh scan (exceptions changed, or leadership lost). */
  invalidate(spec: SourceSpec): void;
}

export interface ReplicaView {
  doc: PostureDocument | null;
  error: string | null;
  meta: LatestMeta | null;
}

/** How often each replica tries (or confirms) the lock and the scanning one checks for requests. */
export function replicaPollMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.REPLICA_POLL_MS ?? 2000);
  return Number.isFinite(n) && n >= 50 ? n : 2000;
}

export function replicasEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const off = ['0', 'off', 'false'].includes((env.REPLICA_ELECTION ?? '').toLowerCase());
  return Boolean(env.DATABASE_URL) && !off;
}

/** Least time between two writes of a followed posture: watch batches come every 50 ms under churn. */
const PUBLISH_MIN_MS = 1000;
/** How long a stored posture's version is trusted before asking the database again. */
const VIEW_TTL_MS = 250;
/** How long a replica waits for the scanning one's first posture before answering without one. */
const FIRST_POSTURE_WAIT_MS = 30_000;

class ClusterReplica {
  leading = false;
  readonly ready: Promise<void>;
  private timer: NodeJS.Timeout | null = null;
  private view: ReplicaView | null = null;
  private viewAt = 0;
  private handledRefresh: string | null = null;
  private published: { doc: PostureDocument | null; error: string | null } = { doc: null, error: null };
  private pending: { doc: PostureDocument; error: string | null } | null = null;
  private writeTimer: NodeJS.Timeout | null = null;
  private lastWrite = 0;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    readonly spec: SourceSpec,
    readonly key: string,
    private readonly locks: LeaderLocks,
    private readonly local: LocalPosture,
    private readonly pollMs: number,
  ) {
    this.ready = this.tick();
  }

  private async latest(): Promise<LatestPostureStore> {
    return new LatestPostureStore((await appStore().get()).sql);
  }

  private schedule() {
    this.timer = setTimeout(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (!this.leading) {
        if (await this.locks.tryHold(this.key).catch(() => false)) await this.lead();
        return;
      }
      if (!(await this.locks.stillHeld(this.key))) return this.stepDown();
      const meta = await (await this.latest()).meta(this.key).catch(() => null);
      if (meta?.refreshRequestedAt && meta.refreshRequestedAt !== this.handledRefresh) {
        this.handledRefresh = meta.refreshRequestedAt;
        this.local.invalidate(this.spec);
      }
      const { doc, error } = await this.local.refresh(this.spec);
      this.publish(doc, error);
    } catch (e) {
      console.error(`[replica] ${this.key}: ${(e as Error).message}`);
    } finally {
      this.schedule();
    }
  }

  private async lead() {
    this.leading = true;
    console.log(`[replica] this replica now scans ${this.key}`);
    // Requests made before the takeover are met by the scan that follows it.
    this.handledRefresh = (await (await this.latest()).meta(this.key).catch(() => null))?.refreshRequestedAt ?? null;
    this.local.invalidate(this.spec);
    void this.local.refresh(this.spec).then(({ doc, error }) => this.publish(doc, error)).catch(() => undefined);
  }

  private stepDown() {
    this.leading = false;
    this.published = { doc: null, error: null };
    this.local.invalidate(this.spec); // stop following: the replica that took the lock follows now
    console.error(`[replica] lost the lock of ${this.key}: another replica scans it now`);
  }

  /** A new local posture (or error): stored for the other replicas, at most once per PUBLISH_MIN_MS. */
  publish(doc: PostureDocument | null, error: string | null) {
    if (!this.leading || !doc || (doc === this.published.doc && error === this.published.error)) return;
    this.pending = { doc, error };
    this.writeTimer ??= setTimeout(() => this.flush(), Math.max(0, this.lastWrite + PUBLISH_MIN_MS - Date.now()));
  }

  private flush() {
    this.writeTimer = null;
    const next = this.pending;
    this.pending = null;
    if (!next || !this.leading) return;
    this.lastWrite = Date.now();
    this.writing = this.writing.then(async () => {
      const store = await this.latest();
      try {
        if (next.doc === this.published.doc) await store.setError(this.key, next.error);
        else await store.put(this.key, JSON.stringify(next.doc), next.doc.generatedAt, next.error);
        this.published = next;
      } catch (e) {
        console.error(`[replica] storing the posture of ${this.key} failed: ${(e as Error).message}`);
      }
    });
  }

  /** Resolves when every posture handed to publish() so far is stored (tests, shutdown). */
  async settled(): Promise<void> {
    if (this.writeTimer) {
      clearTimeout(this.writeTimer);
      this.flush();
    }
    await this.writing;
  }

  /** The stored posture, re-read when its version changed. */
  async stored(): Promise<ReplicaView> {
    if (this.view && Date.now() - this.viewAt < VIEW_TTL_MS) return this.view;
    try {
      const store = await this.latest();
      const meta = await store.meta(this.key);
      if (meta && meta.version !== this.view?.meta?.version) {
        const got = await store.get(this.key);
        this.view = got ? { doc: got.doc, error: got.meta.error, meta: got.meta } : null;
      } else if (meta && this.view) this.view = { ...this.view, error: meta.error, meta };
      this.viewAt = Date.now();
      return this.view ?? { doc: null, error: null, meta: null };
    } catch (e) {
      const why = `the shared posture store cannot be read: ${(e as Error).message}`;
      return { doc: this.view?.doc ?? null, error: why, meta: this.view?.meta ?? null };
    }
  }

  /** The last stored posture seen, without asking the database (for /readyz). */
  lastSeen(): ReplicaView | null {
    return this.view;
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
    if (this.writeTimer) clearTimeout(this.writeTimer);
  }
}

const g = globalThis as typeof globalThis & {
  __kpReplicas?: { locks: LeaderLocks; clusters: Map<string, ClusterReplica>; local: LocalPosture | null };
};

function state() {
  return (g.__kpReplicas ??= { locks: advisoryLocks(process.env.DATABASE_URL ?? '', Math.max(1000, replicaPollMs())), clusters: new Map(), local: null });
}

/** posture-service hands over its own scanning path once, at load. */
export function setLocalPosture(local: LocalPosture): void {
  if (replicasEnabled()) state().local = local;
}

function replicaOf(spec: SourceSpec): ClusterReplica | null {
  if (!replicasEnabled()) return null;
  const s = state();
  if (!s.local) return null;
  const { key } = clusterOf(spec);
  let r = s.clusters.get(key);
  if (!r) s.clusters.set(key, (r = new ClusterReplica(spec, key, s.locks, s.local, replicaPollMs())));
  return r;
}

/** Whether this process scans the source: always without replicas, else while it holds the cluster's lock. */
export async function scansHere(spec: SourceSpec): Promise<boolean> {
  const r = replicaOf(spec);
  if (!r) return true;
  await r.ready;
  return r.leading;
}

/** The stored posture, for a replica that does not scan this source; null when it does (scan locally). */
export async function replicaView(spec: SourceSpec): Promise<ReplicaView | null> {
  const r = replicaOf(spec);
  if (!r) return null;
  await r.ready;
  const deadline = Date.now() + FIRST_POSTURE_WAIT_MS;
  for (;;) {
    if (r.leading) return null;
    const v = await r.stored();
    if (v.doc || v.error || Date.now() >= deadline) return v.doc || v.error ? v : { ...v, error: 'waiting for the replica that scans this cluster to store its first posture' };
    await new Promise((res) => setTimeout(res, 250));
  }
}

/** posture-service: a new local posture or scan error of this source. */
export function replicaPublish(spec: SourceSpec, doc: PostureDocument | null, error: string | null): void {
  if (replicasEnabled()) g.__kpReplicas?.clusters.get(clusterOf(spec).key)?.publish(doc, error);
}

/**
 * Asks the scanning replica to scan again and waits for the posture stored after the request.
 * Null when this process scans the source itself (the caller rescans locally).
 */
export async function replicaRescan(spec: SourceSpec, minIntervalMs: number, timeoutMs = 5 * 60_000): Promise<ReplicaView | null> {
  const r = replicaOf(spec);
  if (!r) return null;
  await r.ready;
  if (r.leading) return null;
  const now = await r.stored();
  if (now.doc && now.meta && !now.error && Date.now() - Date.parse(now.meta.storedAt) < minIntervalMs) return now;
  const asked = await new LatestPostureStore((await appStore().get()).sql).requestRefresh(r.key);
  if (asked === null) return replicaView(spec); // nothing stored yet: the first scan is under way
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await new Promise((res) => setTimeout(res, 250));
    if (r.leading) return null;
    const v = await r.stored();
    if ((v.meta && v.meta.storedAt >= asked) || Date.now() >= deadline) return v;
  }
}

/** posture-service: the source's exceptions changed here; the scanning replica, if another, is told. */
export function replicaInvalidated(spec: SourceSpec): void {
  const r = replicasEnabled() ? g.__kpReplicas?.clusters.get(clusterOf(spec).key) : undefined;
  if (!r || r.leading) return;
  void appStore()
    .get()
    .then((s) => new LatestPostureStore(s.sql).requestRefresh(r.key))
    .catch((e) => console.error(`[replica] could not ask for a rescan of ${r.key}: ${(e as Error).message}`));
}

/** For /readyz on a replica that does not scan: the stored posture it last served. */
export function replicaScanState(spec: SourceSpec): { lastGoodAt: number | null; error: string | null; scanning: boolean } | null {
  const r = replicasEnabled() ? g.__kpReplicas?.clusters.get(clusterOf(spec).key) : undefined;
  if (!r || r.leading) return null;
  const v = r.lastSeen();
  return { lastGoodAt: v?.doc ? Date.parse(v.doc.generatedAt) : null, error: v?.error ?? null, scanning: false };
}

/** Stops every replica's ticks and writes what is pending (tests, shutdown). */
export async function stopReplicas(): Promise<void> {
  const s = g.__kpReplicas;
  if (!s) return;
  for (const r of s.clusters.values()) {
    await r.settled();
    r.stop();
  }
  s.clusters.clear();
  await s.locks.close();
  g.__kpReplicas = undefined;
}
