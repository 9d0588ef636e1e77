// GET /api/snapshots: every stored snapshot (metadata), newest first, with the viewer's scope.
// POST /api/snapshots {label?}: store the current posture of the viewer's source.
import { clusterRouteRefusal } from '@/lib/server/auth/viewer-posture';
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { requestScope, snapshotStore, takeSnapshot } from '@/lib/server/snapshot-service';
import { readJsonBody } from '@/lib/server/route-input';
import { takeSnapshotInput } from '@/lib/snapshots/api-input';

export const dynamic = 'force-dynamic';

export async function GET() {
  // Snapshots hold the whole cluster's document: cluster-wide viewers only (lib/server/auth).
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  return withStoreErrors(async () => {
    const { scope } = await requestScope();
    const snapshots = await (await snapshotStore()).list();
    return Response.json({ snapshots: snapshots.map(({ scope: s, ...m }) => ({ ...m, current: s === scope })) }, { headers: NO_STORE });
  });
}

export async function POST(request: Request) {
  // Snapshots hold the whole cluster's document: cluster-wide viewers only (lib/server/auth).
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  if (!isSameOrigin(request)) return refused();
  const input = await readJsonBody(request, takeSnapshotInput); // 415, 413 (16 KiB), 400
  if (!input.ok) return input.response;
  return withStoreErrors(async () => {
    const r = await takeSnapshot({ label: input.value.label });
    if (!r.ok) return jsonError(503, `no posture to store: ${r.error}`);
    const { scope: _scope, ...snapshot } = r.snapshot;
    return Response.json({ snapshot, stale: r.stale }, { status: 201, headers: NO_STORE });
  });
}
