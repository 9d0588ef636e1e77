// GET /api/snapshots/:id/html: the snapshot as one self-contained HTML file (download).
import { clusterRouteRefusal } from '@/lib/server/auth/viewer-posture';
import { NO_STORE, downloadName, jsonError, withStoreErrors } from '@/lib/server/api-responses';
import { isId, snapshotStore } from '@/lib/server/snapshot-service';
import { snapshotHtml } from '@/lib/snapshots/html-export';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  // Snapshots hold the whole cluster's document: cluster-wide viewers only (lib/server/auth).
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  return withStoreErrors(async () => {
    const s = await (await snapshotStore()).get(id);
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
