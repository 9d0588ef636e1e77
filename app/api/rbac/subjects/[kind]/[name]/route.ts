// GET /api/rbac/subjects/:kind/:name[?namespace=] : what the subject can do (its own bindings and its
// groups'), binding by binding, with the role's effective rules. ServiceAccounts need ?namespace=, or
// can be asked as User system:serviceaccount:<ns>:<name>.
import { parseSubject, subjectDetailJson } from '@/lib/posture/rbac/api';
import { jsonError, NO_STORE } from '@/lib/server/api-responses';
import { clusterRouteRefusal } from '@/lib/server/auth/viewer-posture';
import { getPosture } from '@/lib/server/posture-service';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ kind: string; name: string }> }) {
  const { kind, name } = await params;
  // As the namespace page does: a name like alice%40acme.com may reach us still encoded.
  const decoded = safeDecode(name);
  // No subject name holds control characters (NUL and the like): refused before any lookup.
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return jsonError(400, 'name holds control characters');
  const subject = parseSubject(kind, decoded, new URL(request.url).searchParams.get('namespace'));
  if (!subject.ok) return jsonError(400, subject.error);
  // Bindings across the cluster: for cluster-wide viewers only.
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  const { inventory, error } = await getPosture(undefined, { waitForInventory: true });
  if (!inventory) return jsonError(503, error ?? 'no posture yet');
  return Response.json(subjectDetailJson(inventory, subject.value), { headers: NO_STORE });
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
