// GET /api/rbac/subjects: every subject (User, Group, ServiceAccount) a binding names, with counts.
// GET /api/rbac/subjects?verb=get&resource=secrets[&namespace=shop|&scope=cluster][&group=apps]: who can do that
//   (in that namespace; without one, a cluster-scoped request; neither: anywhere). Cluster-scoped kinds
//   (nodes, clusterroles...) are always asked without a namespace.
// GET /api/rbac/subjects?verb=get&url=/metrics: who can read a non-resource URL.
import { parseWhoCan, subjectsJson, whoCanJson } from '@/lib/posture/rbac/api';
import { jsonError, NO_STORE } from '@/lib/server/api-responses';
import { clusterRouteRefusal } from '@/lib/server/auth/viewer-posture';
import { getPosture } from '@/lib/server/posture-service';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const question = parseWhoCan(new URL(request.url).searchParams);
  if (!question.ok) return jsonError(400, question.error);
  // Bindings across the cluster: for cluster-wide viewers only.
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  const { inventory, error } = await getPosture(undefined, { waitForInventory: true });
  if (!inventory) return jsonError(503, error ?? 'no posture yet');
  return Response.json(question.value ? whoCanJson(inventory, question.value) : subjectsJson(inventory), { headers: NO_STORE });
}
