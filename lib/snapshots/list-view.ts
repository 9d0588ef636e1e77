// The snapshot list, grouped per cluster: the viewer's own source first, then imports and
// other sources by cluster name. Each group newest first.
import type { SnapshotMeta } from './store';

export interface SnapshotGroup {
  cluster: string;
  /** Taken from the source this viewer is looking at. */
  current: boolean;
  snapshots: SnapshotMeta[];
}

export function groupSnapshots(all: SnapshotMeta[], scope: string): SnapshotGroup[] {
  const groups = new Map<string, SnapshotGroup>();
  for (const s of all) {
    const current = s.scope !== '' && s.scope === scope;
    const key = JSON.stringify([current, s.cluster]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { cluster: s.cluster, current, snapshots: [] }));
    g.snapshots.push(s);
  }
  for (const g of groups.values()) g.snapshots.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.createdAt.localeCompare(a.createdAt));
  return [...groups.values()].sort((a, b) => Number(b.current) - Number(a.current) || a.cluster.localeCompare(b.cluster));
}
