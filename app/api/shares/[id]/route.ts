// DELETE /api/shares/:id: revoke a share link at once (its page then answers 404).
import { clusterRouteRefusal } from '@/lib/server/auth/viewer-posture';
import { jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { isId, revokeShare } from '@/lib/server/snapshot-service';

export const dynamic = 'force-dynamic';

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Snapshots hold the whole cluster's document: cluster-wide viewers only (lib/server/auth).
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  // One answer for every id that revokes nothing, well-formed or not.
  const none = () => jsonError(404, 'no such share, or already revoked');
  if (!isId(id)) return none();
  return withStoreErrors(async () => ((await revokeShare(id)) ? new Response(null, { status: 204 }) : none()));
}
