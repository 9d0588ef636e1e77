// What an object page shows, for the viewer: the object (404 when the URL cannot name one, when it
// lies outside the viewer's namespaces, or when neither the posture nor the cluster knows it), and,
// live, its owner and who can act on it, cut down for a namespace viewer as the namespace page is.
// A namespace viewer gets the same 404 for an object outside their namespaces whether it exists or
// not: the check comes before anything is looked up.
import { notFound } from 'next/navigation';
import type { Inventory } from '../cluster/inventory';
import type { ViewerScope } from './auth/access';
import { parseObjectKey, type ObjectKey } from '../posture/object-view';
import { restrictAccess } from '../posture/rbac/namespace-access';
import { accessToObject } from '../posture/rbac/object-access';
import { objectOf } from '../posture/triage/object-index';
import { ownerKeysFromEnv, resourceOwner } from '../posture/triage/owners';
import type { LiveObject } from '@/components/views/ObjectView';
import { requirePosture } from './auth/viewer-posture';
import { getPosture } from './posture-service';

/** A stored document's object pages (a snapshot, a share link, a pushed cluster's report): whoever may open the document may ask about any of its objects. */
export const WHOLE_CLUSTER: ViewerScope = { clusterWide: true, namespaces: new Set<string>() };

/** The object the (still encoded) URL segments name, if this viewer may ask about it; else notFound(). */
export function objectForViewer(segments: { kind: string; namespace: string; name: string }, scope: ViewerScope): ObjectKey {
  let key: ObjectKey | null = null;
  try {
    key = parseObjectKey(decodeURIComponent(segments.kind), decodeURIComponent(segments.namespace), decodeURIComponent(segments.name));
  } catch {
    // a malformed escape names nothing
  }
  if (!key) notFound();
  if (!scope.clusterWide && (key.namespace === null || !scope.namespaces.has(key.namespace))) notFound();
  return key;
}

/** Live only: the cluster's own objects say whether it exists, whom it belongs to and who can act on it. */
export function liveObject(inventory: Inventory, key: ObjectKey, scope: ViewerScope): LiveObject {
  const ref = { ...key, namespace: key.namespace };
  const access = accessToObject(inventory, key);
  const exists =
    key.kind === 'Namespace'
      ? !!objectOf(inventory, ref)
      : !!objectOf(inventory, ref) || inventory.workloads.some((w) => w.kind === key.kind && w.namespace === key.namespace && w.name === key.name);
  return {
    exists,
    owner: resourceOwner(inventory, ref, ownerKeysFromEnv(process.env)),
    access: access && (scope.clusterWide ? access : restrictAccess(access, scope.namespaces)),
  };
}

export async function loadObjectPage(segments: { kind: string; namespace: string; name: string }) {
  const { doc, identity } = await requirePosture({ waitForInventory: true }); // only what this viewer may see, of the scan its inventory is of
  const key = objectForViewer(segments, identity.scope);
  const { inventory } = await getPosture(identity.cluster.spec);
  return { doc, key, live: inventory ? liveObject(inventory, key, identity.scope) : undefined };
}
