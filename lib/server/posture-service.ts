// The server's postures, one per source (demo, a folder, each kubeconfig context): scanned
// once per interval however many viewers ask, kept with their age when a later scan fails,
// and rescanned on demand with progress for whoever listens.
import type { Inventory } from '../cluster/inventory';
import type { ProgressEvent } from '../cluster/live';
import { readInventory, type SourceSpec } from '../cluster/source';
import { auditDataFor } from './audit-intakes';
import { computePosture } from '../posture/engine';
import type { PostureDocument } from '../posture/types';
import { clusterOf, requestSource, sourceKey } from './request-source';
import { triageFor, acceptedUntil } from './triage-settings';
import { notifyAfterScan } from './notify/hook';
import { startFollowing, watchEnabled, type FollowStats, type Follower } from './live-follow';
import { observeScan } from './metrics/prometheus';
import { reclaimHeap } from './reclaim-heap';
import { serverNow, serverNowMs } from './clock';
import { replicaInvalidated, replicaPublish, replicaRescan, replicaScanState, replicasEnabled, replicaView, setLocalPosture } from './replica/replicas';

const FRESH_MS = Number(process.env.POSTURE_REFRESH_SECONDS ?? 60) * 1000;

export type ScanEvent = ProgressEvent | { type: 'done'; generatedAt: string } | { type: 'error'; message: string };

interface Entry {
  doc: PostureDocument | null;
  inventory: Inventory | null;
  scannedAt: number;
  error: string | null;
  inflight: Promise<PostureDocument> | null;
  listeners: Set<(e: ScanEvent) => void>;
  /** For /metrics: how long the last scan took, and how many scans succeeded and failed. */
  stats?: { lastDurationMs: number; succeeded: number; failed: number };
  /** Live sources with POSTURE_WATCH: keeps doc and inventory current between scans (live-follow.ts). */
  follower?: Follower | null;
  /** Watching was refused (403: the identity may list but not watch); rescans only, from then on. */
  watchForbidden?: boolean;
  /** A rescan released the watch that kept the posture current (releaseLastScan): not stale meanwhile. */
  followedUntilRescan?: boolean;
}

// One map per server process; survives hot reloads in development.
const g = globalThis as typeof globalThis & { __kubePosture?: Map<string, Entry> };
const entries: Map<string, Entry> = (g.__kubePosture ??= new Map());

function entryFor(spec: SourceSpec): Entry {
  const key = sourceKey(spec);
  let e = entries.get(key);
  if (!e) {
    e = { doc: null, inventory: null, scannedAt: 0, error: null, inflight: null, listeners: new Set() };
    entries.set(key, e);
  }
  return e;
}

export interface PostureResult {
  doc: PostureDocument | null;
  inventory: Inventory | null;
  /** Why the latest scan failed; the doc (if any) is then the last good one. */
  error: string | null;
}

/**
 * The posture of the source this request asks for (or `spec`), scanning when stale; on a replica
 * that does not scan this cluster (lib/server/replica), the one the scanning replica stored.
 */
export async function getPosture(spec?: SourceSpec, opts: PostureOptions = {}): Promise<PostureResult> {
  const s = spec ?? (await requestSource());
  const stored = await replicaView(s);
  if (stored) return { doc: stored.doc, inventory: null, error: stored.error };
  return localPosture(s, opts);
}

export interface PostureOptions {
  /**
   * For what reads the inventory (RBAC, namespace and object pages): while a rescan computes its
   * posture the last inventory is gone (releaseLastScan), so wait for that scan and answer with
   * its document and inventory. Others are answered at once with the last document.
   */
  waitForInventory?: boolean;
}

async function localPosture(s: SourceSpec, opts: PostureOptions = {}): Promise<PostureResult> {
  const e = entryFor(s);
  // A healthy watch keeps the posture current: no rescan needed however old the scan is,
  // unless the scan missed kinds; those are read again (and then watched) by a rescan.
  const due = rescanDue(e);
  if (due) {
    if (due === 'expired') invalidatePosture(s);
    await rescan(s).catch(() => undefined); // the error is kept in the entry
  }
  if (opts.waitForInventory && !e.inventory && e.inflight) await e.inflight.catch(() => undefined);
  return { doc: e.doc, inventory: e.inventory, error: e.error };
}

function rescanDue(e: Entry): 'expired' | 'stale' | null {
  const following = (e.follower?.healthy() ?? false) || (e.inflight !== null && e.followedUntilRescan === true);
  const maxAge = following ? missingKindsRetryMs(e.inventory) : FRESH_MS;
  // An exception that ran out brings its findings back now, not at the next change.
  if (e.doc !== null && serverNowMs() >= acceptedUntil(e.doc)) return 'expired';
  return Date.now() - e.scannedAt >= maxAge || (!e.doc && !e.error) ? 'stale' : null;
}

/**
 * The posture getPosture() would answer with at once (no scan due), without starting one; null
 * otherwise. The response cache (lib/server/response-cache) looks answers up by it. With
 * replicas the answer may be another replica's stored posture, which only getPosture() knows: null.
 */
export function currentPosture(spec: SourceSpec): { doc: PostureDocument; error: string | null } | null {
  if (replicasEnabled()) return null;
  const e = entries.get(sourceKey(spec));
  if (!e?.doc || rescanDue(e)) return null;
  return { doc: e.doc, error: e.error };
}

/**
 * How soon a followed posture is rescanned for the kinds its scan could not read: a failed list
 * (5xx, timeout, a broken answer) at the next refresh; a forbidden one (RBAC may be granted
 * later, or the 403 was passing) five refreshes on, so an identity that will never read a kind
 * does not relist the whole cluster every minute. POSTURE_MISSING_RETRY_MS overrides both (tests).
 */
function missingKindsRetryMs(inv: Inventory | null): number {
  const reasons = new Set(Object.values(inv?.missing ?? {}).map((m) => m?.reason));
  const override = process.env.POSTURE_MISSING_RETRY_MS;
  const retry = (ms: number) => (override !== undefined && override !== '' ? Number(override) : ms);
  if (reasons.has('error')) return retry(FRESH_MS);
  if (reasons.has('forbidden')) return retry(5 * FRESH_MS);
  return Infinity;
}

/**
 * A rescan someone asked for (POST /api/scan): after the running scan of this source (if any),
 * answers with the last result when it finished less than `minIntervalMs` ago, instead of
 * listing the cluster again. However many viewers click, a cluster is listed at most once per interval.
 */
export async function requestedRescan(spec: SourceSpec, onEvent: (e: ScanEvent) => void, minIntervalMs: number): Promise<PostureDocument> {
  const stored = await replicaRescan(spec, minIntervalMs);
  if (stored) {
    if (stored.doc) onEvent({ type: 'done', generatedAt: stored.doc.generatedAt });
    else onEvent({ type: 'error', message: stored.error ?? 'no posture yet' });
    if (!stored.doc) throw new Error(stored.error ?? 'no posture yet');
    return stored.doc;
  }
  const e = entryFor(spec);
  // A scan already running may have listed the cluster before this request's change: let it
  // finish, then answer from it only within the interval, else list again.
  if (e.inflight) await e.inflight.catch(() => undefined);
  if (e.doc && !e.error && Date.now() - e.scannedAt < minIntervalMs) {
    onEvent({ type: 'done', generatedAt: e.doc.generatedAt });
    return e.doc;
  }
  return rescan(spec, onEvent);
}

/**
 * Starts a scan unless one is already running for this source, and resolves with its
 * document. `onEvent` hears the progress of whichever scan is running.
 */
export function rescan(spec: SourceSpec, onEvent?: (e: ScanEvent) => void): Promise<PostureDocument> {
  const e = entryFor(spec);
  if (onEvent) e.listeners.add(onEvent);
  const emit = (ev: ScanEvent) => e.listeners.forEach((l) => l(ev));
  e.inflight ??= (async () => {
    const started = Date.now();
    const stats = (e.stats ??= { lastDurationMs: 0, succeeded: 0, failed: 0 });
    try {
      const versions: Parameters<typeof startFollowing>[2] = {};
      const read = await readInventory(spec, { onProgress: emit, onListVersion: (k, v) => (versions[k] = v) });
      releaseLastScan(e);
      reclaimHeap(objectCount(read)); // what the last scan held, before this one's posture fills the heap
      // Audit events the webhook received for this cluster (lib/server/audit-webhook.ts); the demo carries its own.
      const audit = await auditDataFor(clusterOf(spec).key, spec);
      const inventory = audit ? { ...read, audit } : read;
      const triage = await triageFor(spec);
      e.follower = spec.kind === 'live' && watchEnabled(spec) && !e.watchForbidden ? follow(e, spec, inventory, versions, triage) : null;
      const doc = e.follower?.doc ?? computePosture(inventory, { triage, now: serverNow() });
      notifyAfterScan(clusterOf(spec).key, doc);
      Object.assign(e, { doc, inventory, scannedAt: Date.now(), error: null });
      reclaimHeap(objectCount(inventory)); // the computation's garbage and the last document, before this one is serialized
      replicaPublish(spec, doc, null);
      Object.assign(stats, { lastDurationMs: Date.now() - started, succeeded: stats.succeeded + 1 });
      observeScan(spec.kind, 'success', stats.lastDurationMs / 1000);
      emit({ type: 'done', generatedAt: doc.generatedAt });
      return doc;
    } catch (err) {
      e.error = (err as Error).message;
      e.scannedAt = Date.now(); // do not hammer an unreachable cluster on every request
      replicaPublish(spec, e.doc, e.error);
      Object.assign(stats, { lastDurationMs: Date.now() - started, failed: stats.failed + 1 });
      observeScan(spec.kind, 'failure', stats.lastDurationMs / 1000);
      emit({ type: 'error', message: e.error });
      throw err;
    } finally {
      e.inflight = null;
      e.followedUntilRescan = false;
      e.listeners.clear();
    }
  })();
  return e.inflight;
}

/**
 * The cluster is read again: the last scan's watch (with its incremental state: per-check results,
 * indexes, attack paths) and its inventory go now, before the new posture is computed, so a rescan
 * never holds two inventories and two follow states at once (at 50,000 pods ~180 MB more live
 * heap at its peak; reclaim-heap.ts collects it before the new posture is computed). The last document is served until the new one
 * is ready; what reads the inventory waits for it (waitForInventory). Stopped only once the new
 * lists are in: a cluster that cannot be read keeps its last inventory, and changes made while
 * it is listed are in the new lists or replayed from their versions to the new watch.
 */
function releaseLastScan(e: Entry): void {
  e.followedUntilRescan = e.follower?.healthy() ?? false;
  e.follower?.stop();
  e.follower = null;
  e.inventory = null;
}

const objectCount = (inv: Inventory) => Object.values(inv.objects).reduce((n, list) => n + list.length, 0);

/** The refresh interval: a posture older than this is rescanned on the next request. */
export const REFRESH_INTERVAL_MS = FRESH_MS;

/** Where a source's scans stand, without starting or waiting for one (for /readyz). */
export function scanState(spec: SourceSpec): { lastGoodAt: number | null; error: string | null; scanning: boolean } {
  const stored = replicaScanState(spec);
  if (stored) return stored;
  const e = entries.get(sourceKey(spec));
  if (!e) return { lastGoodAt: null, error: null, scanning: false };
  // The document is computed the moment its scan succeeds, so its timestamp is the last good scan.
  return { lastGoodAt: e.doc ? Date.parse(e.doc.generatedAt) : null, error: e.error, scanning: e.inflight !== null };
}

/** Scan counters and the last scan's duration for a source (for /metrics). */
export function scanStats(spec: SourceSpec): { lastDurationMs: number; succeeded: number; failed: number; error: string | null } {
  const e = entries.get(sourceKey(spec));
  return { ...(e?.stats ?? { lastDurationMs: 0, succeeded: 0, failed: 0 }), error: e?.error ?? null };
}

function follow(
  e: Entry,
  spec: Extract<SourceSpec, { kind: 'live' }>,
  inventory: Inventory,
  versions: Parameters<typeof startFollowing>[2],
  triage: Awaited<ReturnType<typeof triageFor>>,
): Follower {
  const follower = startFollowing(spec, inventory, versions, {
    triage,
    now: serverNow,
    onUpdate: (doc, inv) => {
      if (e.follower !== follower) return;
      Object.assign(e, { doc, inventory: inv, error: null });
      replicaPublish(spec, doc, null);
      notifyAfterScan(clusterOf(spec).key, doc);
    },
    // Back to full rescans: one soon (it starts a new watch), not one per request if watching keeps failing.
    onFailure: (_error, { watchForbidden }) => {
      if (e.follower !== follower) return;
      const retryMs = Math.min(FRESH_MS, Number(process.env.POSTURE_WATCH_RETRY_MS ?? 5_000));
      Object.assign(e, { follower: null, scannedAt: Math.min(e.scannedAt, Date.now() - FRESH_MS + retryMs) });
      if (watchForbidden) e.watchForbidden = true;
    },
  });
  return follower;
}

/** Whether a source's posture is following the cluster by watch, and how the last change batch went (for the bench and /metrics). */
export function watchStats(spec: SourceSpec): (FollowStats & { healthy: boolean }) | null {
  const f = entries.get(sourceKey(spec))?.follower;
  return f ? { ...f.stats(), healthy: f.healthy() } : null;
}

/**
 * The next request rescans this source (its exceptions changed, or one expired): the document is
 * triaged again with the store's current exceptions. The last document is served until then.
 */
export function invalidatePosture(spec: SourceSpec): void {
  replicaInvalidated(spec);
  invalidateLocal(spec);
}

function invalidateLocal(spec: SourceSpec): void {
  const e = entries.get(sourceKey(spec));
  if (!e) return;
  e.follower?.stop();
  e.follower = null;
  e.scannedAt = 0;
}

/** Stops every watch (tests, shutdown). */
export function stopWatching(): void {
  for (const e of entries.values()) {
    e.follower?.stop();
    e.follower = null;
  }
}

setLocalPosture({ refresh: localPosture, invalidate: invalidateLocal });
