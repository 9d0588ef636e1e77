// The server's snapshot store: opened once per process (migrations run then), closed on
// SIGTERM/SIGINT, and scoped to the dashboard source a request is about (sourceKey).
import { snapshotsChanged } from './response-cache/renders';
import type { SourceSpec } from '../cluster/source';
import type { PostureDocument } from '../posture/types';
import { redactDocument } from '../snapshots/redact';
import { LRUCache } from 'lru-cache';
import { MAX_SHARE_HOURS, MIN_SHARE_HOURS, maxSharesPerSnapshot, newShareToken, shareTokenHash } from '../snapshots/share-token';
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
  snapshotsChanged(); // the overview's trend
  return { ok: true, snapshot, stale: error };
}

/** Stores an uploaded document as a snapshot of the cluster it was imported into. */
export async function importSnapshot(doc: PostureDocument, label: string | null | undefined, clusterKey: string): Promise<SnapshotMeta> {
  const saved = await (await snapshotStore()).save(doc, label, { clusterKey, scope: '', origin: 'import' });
  snapshotsChanged();
  return saved;
}

/** Thrown by createShare when the snapshot already has the most live share links allowed. */
export class ShareLimitError extends Error {
  constructor(readonly limit: number) {
    super(`this snapshot already has ${limit} active share links, the most allowed (SHARE_LINKS_PER_SNAPSHOT): revoke one, or wait for one to expire`);
  }
}

/** A new share link; null for an unknown snapshot. Throws ShareLimitError when the snapshot has the most live links allowed. */
export async function createShare(
  snapshotId: string,
  clusterKey: string,
  opts: { expiresInHours: number; redact: boolean },
): Promise<{ token: string; share: ShareMeta } | null> {
  const store = await snapshotStore();
  const hours = Math.min(MAX_SHARE_HOURS, Math.max(MIN_SHARE_HOURS, opts.expiresInHours));
  const { token, hash } = newShareToken();
  const maxActive = maxSharesPerSnapshot();
  const share = await store.addShareWithin(snapshotId, clusterKey, hash, { redact: opts.redact, expiresAt: new Date(Date.now() + hours * 3_600_000), maxActive });
  if (share === 'no-snapshot') return null;
  if (share === 'full') throw new ShareLimitError(maxActive);
  return { token, share };
}

export interface OpenedShare {
  document: PostureDocument;
  takenAt: string;
  createdAt: string;
  label: string | null;
  share: ShareMeta;
}

// Redacted documents by share id: redacting a large document on every page view of a shared link
// is the slow part. Bounded by entries and by findings held; a share's entry goes when it is
// revoked. Whether the link still opens is asked of the store on every request, before the cache.
const g2 = globalThis as typeof globalThis & { __kpRedactedShares?: LRUCache<string, { document: PostureDocument; takenAt: string; createdAt: string }> };
const redactedShares = (g2.__kpRedactedShares ??= new LRUCache({ max: 32, maxSize: 250_000, sizeCalculation: (v) => 1 + v.document.findings.length }));

/** The document a share link shows (redacted when the share says so), or null for any token that does not open one. */
export async function openShare(token: string): Promise<OpenedShare | null> {
  const hash = shareTokenHash(token);
  if (!hash) return null;
  const store = await snapshotStore();
  const share = await store.liveShare(hash);
  if (!share) return null;
  const cached = share.redact ? redactedShares.get(share.id) : undefined;
  // A label is free text a team wrote; it is not shown outside the team when redacting.
  if (cached) return { ...cached, label: null, share };
  const snapshot = await store.sharedSnapshot(share.snapshotId);
  if (!snapshot) return null;
  if (!share.redact) return { document: snapshot.document, takenAt: snapshot.takenAt, createdAt: snapshot.createdAt, label: snapshot.label, share };
  const entry = { document: redactDocument(snapshot.document).document, takenAt: snapshot.takenAt, createdAt: snapshot.createdAt };
  redactedShares.set(share.id, entry);
  return { ...entry, label: null, share };
}

/** Revokes a share at once, and forgets its redacted document. */
export async function revokeShare(id: string, clusterKey: string): Promise<boolean> {
  const revoked = await (await snapshotStore()).revokeShare(id, clusterKey);
  if (revoked) redactedShares.delete(id);
  return revoked;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Snapshot and share ids are UUIDs; anything else is not looked up at all. */
export const isId = (s: string) => UUID_RE.test(s);
