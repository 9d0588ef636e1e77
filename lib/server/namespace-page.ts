// What a namespace page shows, for the viewer: the namespace (404 when they may not see it), its
// findings and workloads, and who can act there, cut down for a namespace viewer (restrictAccess:
// cluster-wide grants without the names of subjects outside their namespaces).
import { notFound } from 'next/navigation';
import { filterFindings, parseFindingsQuery } from '../posture/findings-query';
import { accessInNamespace, restrictAccess } from '../posture/rbac/namespace-access';
import { requirePosture } from './auth/viewer-posture';
import { getPosture } from './posture-service';

export async function loadNamespacePage(name: string) {
  const { doc, identity } = await requirePosture(); // only the namespaces this viewer may see
  const ns = doc.namespaces.find((n) => n.name === name);
  if (!ns) notFound();
  const { inventory } = await getPosture(identity.cluster.spec);
  const access = inventory ? accessInNamespace(inventory, name) : null;
  return {
    doc,
    ns,
    findings: filterFindings(doc.findings, parseFindingsQuery({ namespace: name })),
    workloads: (inventory?.workloads ?? []).filter((w) => w.namespace === name),
    access: access && (identity.scope.clusterWide ? access : restrictAccess(access, identity.scope.namespaces)),
  };
}
