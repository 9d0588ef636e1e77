// GET /api/snapshots: the stored snapshots of the request's cluster (metadata), newest first.
// POST /api/snapshots {label?}: store the current posture of the request's cluster.
// Cluster-wide viewers of that cluster only (lib/server/snapshot-access.ts).
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { snapshotAccess } from '@/lib/server/snapshot-access';
import { requestScope } from '@/lib/server/snapshot-service';
import { readJsonBody } from '@/lib/server/route-input';
import { takeSnapshotInput } from '@/lib/snapshots/api-input';

export const dynamic = 'force-dynamic';

export async function GET() {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  return withStoreErrors(async () => {
    const { scope } = await requestScope();
    const snapshots = await access.snapshots.list();
    return Response.json({ snapshots: snapshots.map(({ scope: s, clusterKey: _key, ...m }) => ({ ...m, current: s === scope })) }, { headers: NO_STORE });
  });
}

export async function POST(request: Request) {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const input = await readJsonBody(request, takeSnapshotInput); // 415, 413 (16 KiB), 400
  if (!input.ok) return input.response;
  return withStoreErrors(async () => {
    const r = await access.snapshots.take(input.value.label);
    if (!r.ok) return jsonError(503, `no posture to store: ${r.error}`);
    const { scope: _scope, clusterKey: _key, ...snapshot } = r.snapshot;
    return Response.json({ snapshot, stale: r.stale }, { status: 201, headers: NO_STORE });
  });
}
