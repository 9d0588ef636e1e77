// Keeps a live source's posture current between scans: watches every kind from the scan's list
// versions, batches the changes (~50 ms), applies them to the Inventory and recomputes only
// what they touched. A watcher error hands back to full rescans (posture-service.ts).
import { applyChanges, type ResourceChange } from '../cluster/apply-change';
import type { Inventory, ResourceKey } from '../cluster/inventory';
import type { SourceSpec } from '../cluster/source';
import { startWatcher, WatchStatusError, type Watcher, type WatcherOptions } from '../cluster/watch';
import { adoptAttackPaths, initialPosture, updatePosture, type IncrementalPosture } from '../posture/incremental';
import type { TriageOptions } from '../posture/triage/apply';
import type { PostureDocument } from '../posture/types';
import { attackPathsRunner, type AttackPathsRunner } from './attack-paths-thread';
import { reclaimHeap } from './reclaim-heap';

/** POSTURE_WATCH=0/false turns watching off, 1/true on; by default on for live sources only. */
export function watchEnabled(spec: SourceSpec, env: Record<string, string | undefined> = process.env): boolean {
  const v = env.POSTURE_WATCH?.toLowerCase();
  if (v === '0' || v === 'false' || v === 'off') return false;
  if (spec.kind !== 'live') return false; // demo and files do not change under us
  return true;
}

export interface FollowStats {
  /** Kinds being watched (those the scan could list). */
  kinds: number;
  /** Batches applied, and changes in them. */
  batches: number;
  changes: number;
  /** Time to apply and recompute the last batch, in ms. */
  lastApplyMs: number;
  /** Checks the last batch re-ran whole, ran per namespace, and reused. */
  lastChecks: { full: number; perNamespace: number; reused: number };
  /** Where the attack paths are analysed (a 'worker' with POSTURE_PATHS_WORKER=1 unless it could not start), how often, and the last one's time. */
  attackPaths: { where: 'worker' | 'main thread'; refreshes: number; lastMs: number };
}

export interface Follower {
  /** The posture of the scan the follower started from (computed the incremental way); let go once stopped. */
  doc: PostureDocument;
  /** False once the watcher failed: the caller should rescan. */
  healthy(): boolean;
  stats(): FollowStats;
  stop(): void;
}

export interface FollowHooks {
  onUpdate(doc: PostureDocument, inventory: Inventory): void;
  /** The watcher failed; the follower has stopped itself. `watchForbidden`: the identity may not watch at all. */
  onFailure(error: Error, why: { watchForbidden: boolean }): void;
  /** Least time between two recomputes (default 50 ms); changes in between are batched. */
  debounceMs?: number;
  /**
   * A change shows at once; its attack paths (a whole-cluster analysis, ~2 s of CPU at 50,000
   * pods, on a worker thread with POSTURE_PATHS_WORKER=1) follow once changes pause this long (default 1,000 ms), and at
   * least this often under steady churn (default 15,000 ms). Until then the document says which
   * version its paths are of (attackPathsAsOf).
   */
  attackPathsQuietMs?: number;
  attackPathsMaxLagMs?: number;
  /** Where the analysis runs (attack-paths-thread.ts): the main thread unless POSTURE_PATHS_WORKER=1. */
  attackPaths?: AttackPathsRunner;
  /** For tests: shorter watch requests and backoff. */
  watcher?: Partial<WatcherOptions>;
  /** Catalogue, exceptions and owner keys the documents are triaged with (lib/posture/triage). */
  triage?: TriageOptions;
  /** The time documents are computed at (exception expiry); the real clock by default (lib/server/clock.ts). */
  now?: () => Date;
}

/** Date-based checks read inventory.readAt: recompute everything with a fresh one this often. */
const FULL_RECOMPUTE_MS = 60 * 60 * 1000;

export function startFollowing(
  spec: Extract<SourceSpec, { kind: 'live' }>,
  inventory: Inventory,
  versions: Partial<Record<ResourceKey, string>>,
  hooks: FollowHooks,
): Follower {
  const clock = hooks.now ?? (() => new Date());
  const paths = hooks.attackPaths ?? attackPathsRunner();
  let state: IncrementalPosture = initialPosture(inventory, { triage: hooks.triage, now: clock() });
  paths.reset(state.inventory);
  let pending: ResourceChange[] = [];
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let failed = false;
  const stats: FollowStats = {
    kinds: Object.keys(versions).length,
    batches: 0,
    changes: 0,
    lastApplyMs: 0,
    lastChecks: { full: 0, perNamespace: 0, reused: 0 },
    attackPaths: { where: paths.where(), refreshes: 0, lastMs: 0 },
  };

  let lastFlush = -Infinity;
  let pathsTimer: NodeJS.Timeout | null = null;
  let pathsBehindSince: number | null = null;
  // Batches applied (the version of state.inventory), and the last one that touched what the attack paths read.
  let version = 0;
  let pathsTouchedAt = 0;
  let analysing = false;
  // Bumped by each full recompute: an answer asked before one is dropped.
  let baseEpoch = 0;
  const refreshPaths = () => {
    pathsTimer = null;
    if (stopped || analysing || state.doc.attackPathsAsOf === undefined) return;
    // The analysis is of the inventory as it is now: if a later batch touches what it reads, it
    // arrives behind, and says which document's inventory it is of.
    const asked = { version, generatedAt: state.doc.generatedAt, epoch: baseEpoch };
    const started = performance.now();
    analysing = true;
    paths.analyse().then(
      (refresh) => {
        analysing = false;
        // A full recompute since (a new base state) made this answer moot.
        if (stopped || state.doc.attackPathsAsOf === undefined || asked.epoch !== baseEpoch) return;
        const behind = pathsTouchedAt > asked.version;
        state = adoptAttackPaths(state, refresh, behind ? asked.generatedAt : undefined);
        Object.assign(stats.attackPaths, { where: paths.where(), refreshes: stats.attackPaths.refreshes + 1, lastMs: performance.now() - started });
        pathsBehindSince = behind ? pathsBehindSince : null;
        hooks.onUpdate(state.doc, state.inventory);
        if (behind) schedulePaths();
      },
      () => {
        // The worker failed (the runner analyses on the main thread from now on): try again.
        analysing = false;
        stats.attackPaths.where = paths.where();
        if (!stopped) schedulePaths();
      },
    );
  };
  const schedulePaths = () => {
    if (state.doc.attackPathsAsOf === undefined) return;
    const now = performance.now();
    pathsBehindSince ??= now;
    const quiet = hooks.attackPathsQuietMs ?? 1000;
    const due = Math.min(now + quiet, pathsBehindSince + (hooks.attackPathsMaxLagMs ?? 15_000));
    if (pathsTimer) clearTimeout(pathsTimer);
    pathsTimer = setTimeout(refreshPaths, Math.max(0, due - now));
  };
  const flush = () => {
    timer = null;
    if (stopped || pending.length === 0) return;
    lastFlush = performance.now();
    const batch = pending;
    pending = [];
    const started = performance.now();
    const applied = applyChanges(state.inventory, batch);
    const fresh = Date.now() - Date.parse(applied.inventory.readAt) > FULL_RECOMPUTE_MS;
    version++;
    if (fresh) {
      state = initialPosture({ ...applied.inventory, readAt: new Date().toISOString() }, { triage: hooks.triage, now: clock() });
      baseEpoch++;
      paths.reset(state.inventory);
      pathsBehindSince = null;
      stats.lastChecks = { full: state.checks.length, perNamespace: 0, reused: 0 };
    } else {
      const r = updatePosture(state, applied.inventory, applied.touched, { now: clock(), attackPaths: 'defer' });
      if (r.posture.attack !== state.attack) pathsTouchedAt = version;
      state = r.posture;
      paths.applied(batch, state.inventory);
      stats.lastChecks = r.stats;
    }
    stats.batches++;
    stats.changes += batch.length;
    stats.lastApplyMs = performance.now() - started;
    hooks.onUpdate(state.doc, state.inventory);
    // The last state and document are garbage now, as after a scan (reclaim-heap.ts).
    if (fresh) reclaimHeap(Object.values(state.inventory.objects).reduce((n, list) => n + list.length, 0));
    schedulePaths();
  };

  const watcher: Watcher = startWatcher({
    kubeconfig: spec.kubeconfig,
    context: spec.context,
    versions,
    ...hooks.watcher,
    onChange(change) {
      if (stopped) return;
      pending.push(change);
      // At most one recompute per debounce interval: a lone change is applied at once (after the
      // events already received), a burst is batched.
      const wait = Math.max(0, lastFlush + (hooks.debounceMs ?? 50) - performance.now());
      timer ??= setTimeout(flush, wait);
    },
    onError(error, resource) {
      if (stopped) return;
      failed = true;
      follower.stop();
      hooks.onFailure(new Error(`watching ${resource} failed: ${error.message}`), {
        watchForbidden: error instanceof WatchStatusError && error.status === 403,
      });
    },
  });

  let first: PostureDocument | null = state.doc;
  const follower: Follower = {
    get doc() {
      return first!;
    },
    healthy: () => !failed && !stopped,
    stats: () => ({ ...stats, attackPaths: { ...stats.attackPaths } }),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (pathsTimer) clearTimeout(pathsTimer);
      watcher.stop();
      paths.stop();
      // Let go of the inventory and posture state now: a destroyed watch request keeps this
      // closure (its handlers call onChange) until its close is handled, which a rescan computing
      // its posture right after does not give the event loop time for. Nothing reads it once stopped.
      state = undefined as unknown as IncrementalPosture;
      pending = [];
      first = null;
    },
  };
  return follower;
}
