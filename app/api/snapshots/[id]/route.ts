// GET /api/snapshots/:id: the stored posture document as a JSON download.
// DELETE /api/snapshots/:id: delete it (and its share links).
// Only snapshots of the request's cluster, for a cluster-wide viewer of it (lib/server/snapshot-access.ts).
import { NO_STORE, downloadName, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { snapshotAccess } from '@/lib/server/snapshot-access';
import { isId } from '@/lib/server/snapshot-service';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  return withStoreErrors(async () => {
    const s = await access.snapshots.get(id);
    if (!s) return jsonError(404, 'no such snapshot');
    return new Response(JSON.stringify(s.document, null, 2), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${downloadName(s.cluster, s.takenAt, 'json')}"`,
      },
    });
  });
}

export async function DELETE(request: Request, { params }: Ctx) {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  return withStoreErrors(async () => ((await access.snapshots.delete(id)) ? new Response(null, { status: 204 }) : jsonError(404, 'no such snapshot')));
}
