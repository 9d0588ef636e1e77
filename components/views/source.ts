// Where a posture view's document comes from. Every view (overview, area, namespaces,
// namespace, findings) takes one of these, so the live pages, a snapshot's and a share
// link's render the same component; what differs is in here, and the link base is set once
// by each tree's layout (PostureBase).
import type { SnapshotView } from '@/components/AppHeader';
import type { Inventory } from '@/lib/cluster/inventory';
import type { PostureDocument } from '@/lib/posture/types';

export interface PostureSource {
  doc: PostureDocument;
  /** A stored snapshot or a share link: dated, read-only, no live controls or downloads. Absent: live. */
  view?: SnapshotView;
  /** Live only: what a snapshot does not keep (the workload list, RBAC bindings). */
  inventory?: Inventory | null;
}

export type SearchParams = Record<string, string | string[] | undefined>;
