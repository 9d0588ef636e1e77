// Snapshots as one caller may reach them: identify() for the request's cluster, cluster-wide
// viewers only (a snapshot is the whole cluster's document), and every read, list, share,
// revoke, delete and import bound to THAT cluster's key, so another cluster's rows do not exist
// for the caller. Routes use snapshotAccess(); pages use viewerSnapshots() (snapshot-pages.ts).
import { snapshotsChanged } from './response-cache/renders';
import type { PostureDocument } from '../posture/types';
import type { ShareMeta, Snapshot, SnapshotMeta } from '../snapshots/store';
import { clusterRouteIdentity, type Identified } from './auth/guard';
import { createShare, importSnapshot, revokeShare, snapshotStore, takeSnapshot, type TakeResult } from './snapshot-service';

export interface ClusterSnapshots {
  identity: Identified;
  clusterKey: string;
  list(): Promise<SnapshotMeta[]>;
  get(id: string): Promise<Snapshot | null>;
  delete(id: string): Promise<boolean>;
  listShares(id: string): Promise<ShareMeta[]>;
  share(id: string, opts: { expiresInHours: number; redact: boolean }): Promise<{ token: string; share: ShareMeta } | null>;
  revokeShare(shareId: string): Promise<boolean>;
  take(label: string | null | undefined): Promise<TakeResult>;
  import(doc: PostureDocument, label: string | null | undefined): Promise<SnapshotMeta>;
}

/** The snapshots of the cluster an identity was authorized for. */
export function snapshotsFor(identity: Identified): ClusterSnapshots {
  const key = identity.cluster.key;
  const store = snapshotStore;
  return {
    identity,
    clusterKey: key,
    list: async () => (await store()).list(key),
    get: async (id) => (await store()).get(id, key),
    delete: async (id) => {
      const gone = await (await store()).delete(id, key);
      if (gone) snapshotsChanged(); // the overview's trend
      return gone;
    },
    listShares: async (id) => (await store()).listShares(id, key),
    share: (id, opts) => createShare(id, key, opts),
    revokeShare: (shareId) => revokeShare(shareId, key),
    take: (label) => takeSnapshot({ label, cluster: identity.cluster }),
    import: (doc, label) => importSnapshot(doc, label, key),
  };
}

/** For snapshot routes: the caller's snapshots of this cluster, or the 401/403 to send. */
export async function snapshotAccess(): Promise<{ ok: true; snapshots: ClusterSnapshots } | { ok: false; response: Response }> {
  const who = await clusterRouteIdentity('snapshots hold the whole cluster’s document');
  return who.ok ? { ok: true, snapshots: snapshotsFor(who.identity) } : who;
}
