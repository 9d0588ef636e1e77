// POST /api/snapshots/:id/shares {expiresInHours?, redact?}: a new share link. The token is
// in this answer only; the server keeps its hash. GET lists the snapshot's shares (no tokens).
// Only snapshots of the request's cluster, for a cluster-wide viewer of it (lib/server/snapshot-access.ts).
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { snapshotAccess } from '@/lib/server/snapshot-access';
import { isId } from '@/lib/server/snapshot-service';
import { readJsonBody } from '@/lib/server/route-input';
import { shareInput } from '@/lib/snapshots/api-input';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  return withStoreErrors(async () => Response.json({ shares: await access.snapshots.listShares(id) }, { headers: NO_STORE }));
}

export async function POST(request: Request, { params }: Ctx) {
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  const input = await readJsonBody(request, shareInput); // 415, 413 (16 KiB), 400
  if (!input.ok) return input.response;
  return withStoreErrors(async () => {
    const r = await access.snapshots.share(id, input.value);
    if (!r) return jsonError(404, 'no such snapshot');
    const url = new URL(`/share/${r.token}`, request.url).pathname;
    return Response.json({ share: r.share, token: r.token, path: url }, { status: 201, headers: NO_STORE });
  });
}
