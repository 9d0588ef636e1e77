// GET /api/snapshots/:id/html: the snapshot as one self-contained HTML file (download).
// Only snapshots of the request's cluster, for a cluster-wide viewer of it (lib/server/snapshot-access.ts).
import { NO_STORE, downloadName, jsonError, withStoreErrors } from '@/lib/server/api-responses';
import { snapshotAccess } from '@/lib/server/snapshot-access';
import { isId } from '@/lib/server/snapshot-service';
import { snapshotHtml } from '@/lib/snapshots/html-export';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  return withStoreErrors(async () => {
    const s = await access.snapshots.get(id);
    if (!s) return jsonError(404, 'no such snapshot');
    return new Response(snapshotHtml(s.document, s), {
      headers: {
        ...NO_STORE,
        'Content-Type': 'text/html; charset=utf-8',
        // A download, never rendered on this origin.
        'Content-Disposition': `attachment; filename="${downloadName(s.cluster, s.takenAt, 'html')}"`,
      },
    });
  });
}
