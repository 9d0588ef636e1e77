// What the snapshot and share pages load: a stored snapshot by id, or by share token.
// Anything that does not resolve is notFound(), with no hint why.
import { notFound } from 'next/navigation';
import type { SnapshotView } from '@/components/AppHeader';
import type { PostureDocument } from '../posture/types';
import { requireClusterViewer } from './auth/guard';
import { isId, openShare, snapshotStore } from './snapshot-service';

export interface LoadedSnapshot {
  doc: PostureDocument;
  view: SnapshotView;
  base: string;
}

export async function loadSnapshotPage(id: string): Promise<LoadedSnapshot> {
  await requireClusterViewer(); // whole-cluster documents; share links (below) are the deliberate exception
  if (!isId(id)) notFound();
  const s = await (await snapshotStore()).get(id);
  if (!s) notFound();
  return { doc: s.document, view: { takenAt: s.takenAt, createdAt: s.createdAt, label: s.label }, base: `/snapshots/${id}` };
}

export async function loadSharePage(token: string): Promise<LoadedSnapshot> {
  const s = await openShare(token).catch(() => null);
  if (!s) notFound();
  return { doc: s.document, view: { takenAt: s.takenAt, createdAt: s.createdAt, label: s.label, shared: true }, base: `/share/${token}` };
}

/** Score over time of the snapshots taken from one source, for the overview's trend line. */
export async function trendFor(scope: string): Promise<{ at: string; score: number }[]> {
  try {
    return (await (await snapshotStore()).listScope(scope)).map((s) => ({ at: s.takenAt, score: s.score }));
  } catch {
    return []; // no store: no trend, the overview still shows
  }
}
