// What a namespace page shows, for the viewer: the namespace (404 when they may not see it), its
// findings and workloads, and who can act there, cut down for a namespace viewer (restrictAccess:
// cluster-wide grants without the names of subjects outside their namespaces).
import { notFound } from 'next/navigation';
import { accessInNamespace, restrictAccess } from '../posture/rbac/namespace-access';
import { requirePosture } from './auth/viewer-posture';
import { getPosture } from './posture-service';

export async function loadNamespacePage(name: string) {
  // Only the namespaces this viewer may see; a rescan under way is waited for (its inventory, and a document of the same scan).
  const { doc, identity } = await requirePosture({ waitForInventory: true });
  const ns = doc.namespaces.find((n) => n.name === name);
  if (!ns) notFound();
  const { inventory } = await getPosture(identity.cluster.spec, { waitForInventory: true });
  // No inventory (another replica's stored posture, a rescan that failed): what the document names, as a snapshot shows.
  if (!inventory) return { doc, ns, live: undefined };
  const access = accessInNamespace(inventory, name);
  return {
    doc,
    ns,
    live: {
      workloads: inventory.workloads.filter((w) => w.namespace === name),
      access: access && (identity.scope.clusterWide ? access : restrictAccess(access, identity.scope.namespaces)),
    },
  };
}
