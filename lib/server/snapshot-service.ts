// The server's snapshot store: opened once per process (migrations run then), closed on
// SIGTERM/SIGINT, and scoped to the dashboard source a request is about (sourceKey).
import type { SourceSpec } from '../cluster/source';
import type { PostureDocument } from '../posture/types';
import { redactDocument } from '../snapshots/redact';
import { MAX_SHARE_HOURS, MIN_SHARE_HOURS, newShareToken, shareTokenHash } from '../snapshots/share-token';
import type { ShareMeta, SnapshotMeta, SnapshotOrigin, SnapshotStore } from '../snapshots/store';
import { getPosture } from './posture-service';
import { sourceFromEnv } from '../cluster/source';
import { clusterOf, requestSource, sourceKey, type ClusterRef } from './request-source';
import { appStore } from './snapshot-store';

const g = globalThis as typeof globalThis & { __kpSnapshotSignals?: boolean; __kpAdopted?: WeakSet<SnapshotStore> };

/**
 * The process's store (appStore in snapshot-store.ts, shared with the readiness probe: two
 * PGlite instances must never open one directory). The first call opens it and runs migrations;
 * rows from before cluster keys whose cluster was not recorded join the deployment's default cluster.
 */
export async function snapshotStore(): Promise<SnapshotStore> {
  if (!g.__kpSnapshotSignals) {
    g.__kpSnapshotSignals = true;
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void closeSnapshotStore().finally(() => exitIfOurs(signal)));
  }
  const store = await appStore().get();
  const adopted = (g.__kpAdopted ??= new WeakSet());
  if (!adopted.has(store)) {
    adopted.add(store);
    const n = await store.adoptUnassigned(clusterOf(sourceFromEnv()).key);
    if (n > 0) console.log(`[snapshots] ${n} snapshot(s) from before cluster keys assigned to the default cluster`);
  }
  return store;
}

export async function closeSnapshotStore(): Promise<void> {
  await appStore().close();
}

// Next.js exits on these signals itself unless told not to (NEXT_MANUAL_SIG_HANDLE).
function exitIfOurs(signal: NodeJS.Signals) {
  if (process.env.NEXT_MANUAL_SIG_HANDLE) process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Which source's snapshots a request is about. */
export async function requestScope(): Promise<{ spec: SourceSpec; scope: string }> {
  const spec = await requestSource();
  return { spec, scope: sourceKey(spec) };
}

export type TakeResult = { ok: true; snapshot: SnapshotMeta; stale: string | null } | { ok: false; error: string };

/** Stores the current posture of a cluster. A stale posture (the last scan failed) is stored, and said so. */
export async function takeSnapshot(opts: { label?: string | null; origin?: SnapshotOrigin; cluster?: ClusterRef } = {}): Promise<TakeResult> {
  const cluster = opts.cluster ?? clusterOf(await requestSource());
  const { doc, error } = await getPosture(cluster.spec);
  if (!doc) return { ok: false, error: error ?? 'no posture yet' };
  const snapshot = await (await snapshotStore()).save(doc, opts.label, { clusterKey: cluster.key, scope: sourceKey(cluster.spec), origin: opts.origin ?? 'manual' });
  return { ok: true, snapshot, stale: error };
}

/** Stores an uploaded document as a snapshot of the cluster it was imported into. */
export async function importSnapshot(doc: PostureDocument, label: string | null | undefined, clusterKey: string): Promise<SnapshotMeta> {
  return (await snapshotStore()).save(doc, label, { clusterKey, scope: '', origin: 'import' });
}

/** A share link for a snapshot of cluster `clusterKey`; null when that cluster has no such snapshot. */
export async function createShare(
  snapshotId: string,
  clusterKey: string,
  opts: { expiresInHours: number; redact: boolean },
): Promise<{ token: string; share: ShareMeta } | null> {
  const hours = Math.min(MAX_SHARE_HOURS, Math.max(MIN_SHARE_HOURS, opts.expiresInHours));
  const { token, hash } = newShareToken();
  const share = await (await snapshotStore()).addShare(snapshotId, clusterKey, hash, { redact: opts.redact, expiresAt: new Date(Date.now() + hours * 3_600_000) });
  return share ? { token, share } : null;
}

/** The document a share link shows (redacted when the share says so), or null for any token that does not open one. */
export async function openShare(token: string): Promise<{ document: PostureDocument; takenAt: string; label: string | null; share: ShareMeta } | null> {
  const hash = shareTokenHash(token);
  if (!hash) return null;
  const found = await (await snapshotStore()).findShare(hash);
  if (!found) return null;
  const { share, snapshot } = found;
  return {
    document: share.redact ? redactDocument(snapshot.document).document : snapshot.document,
    takenAt: snapshot.takenAt,
    // A label is free text a team wrote; it is not shown outside the team when redacting.
    label: share.redact ? null : snapshot.label,
    share,
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Snapshot and share ids are UUIDs; anything else is not looked up at all. */
export const isId = (s: string) => UUID_RE.test(s);
