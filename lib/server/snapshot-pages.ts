// What the snapshot and share pages load: a stored snapshot by id (of the cluster the request is
// about, for a viewer authorized on it), or by share token. Anything that does not resolve is
// notFound(), with no hint why.
import { notFound } from 'next/navigation';
import type { SnapshotView } from '@/components/AppHeader';
import type { PostureDocument } from '../posture/types';
import { requireClusterIdentity } from './auth/guard';
import { snapshotsFor, type ClusterSnapshots } from './snapshot-access';
import { isId, openShare, snapshotStore } from './snapshot-service';

export interface LoadedSnapshot {
  doc: PostureDocument;
  view: SnapshotView;
  base: string;
}

/** For snapshot pages (list, compare): this cluster's snapshots, for cluster-wide viewers only (404 to others). */
export async function viewerSnapshots(): Promise<ClusterSnapshots> {
  return snapshotsFor(await requireClusterIdentity());
}

export async function loadSnapshotPage(id: string): Promise<LoadedSnapshot> {
  const snapshots = await viewerSnapshots(); // whole-cluster documents; share links (below) are the deliberate exception
  if (!isId(id)) notFound();
  const s = await snapshots.get(id);
  if (!s) notFound();
  return { doc: s.document, view: { takenAt: s.takenAt, label: s.label }, base: `/snapshots/${id}` };
}

/** Two snapshots of this cluster to compare; 404 when either is not one. */
export async function loadComparePair(fromId: string, toId: string) {
  const snapshots = await viewerSnapshots();
  if (!isId(fromId) || !isId(toId)) notFound();
  const [from, to] = await Promise.all([snapshots.get(fromId), snapshots.get(toId)]);
  if (!from || !to) notFound();
  return { from, to };
}

export async function loadSharePage(token: string): Promise<LoadedSnapshot> {
  const s = await openShare(token).catch(() => null);
  if (!s) notFound();
  return { doc: s.document, view: { takenAt: s.takenAt, label: s.label, shared: true }, base: `/share/${token}` };
}

/** Score over time of the snapshots taken from one source, for the overview's trend line. */
export async function trendFor(scope: string): Promise<{ at: string; score: number }[]> {
  try {
    return (await (await snapshotStore()).listScope(scope)).map((s) => ({ at: s.takenAt, score: s.score }));
  } catch {
    return []; // no store: no trend, the overview still shows
  }
}
