// DELETE /api/shares/:id: revoke a share link at once (its page then answers 404).
// Only shares of the request's cluster, for a cluster-wide viewer of it (lib/server/snapshot-access.ts).
import { jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { snapshotAccess } from '@/lib/server/snapshot-access';
import { isId } from '@/lib/server/snapshot-service';

export const dynamic = 'force-dynamic';

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  // One answer for every id that revokes nothing, well-formed or not.
  const none = () => jsonError(404, 'no such share, or already revoked');
  if (!isId(id)) return none();
  return withStoreErrors(async () => ((await access.snapshots.revokeShare(id)) ? new Response(null, { status: 204 }) : none()));
}
