// POST /api/snapshots/:id/shares {expiresInHours?, redact?}: a new share link. The token is
// in this answer only; the server keeps its hash. GET lists the snapshot's shares (no tokens).
import { clusterRouteRefusal } from '@/lib/server/auth/viewer-posture';
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { ShareLimitError, createShare, isId, snapshotStore } from '@/lib/server/snapshot-service';
import { readJsonBody } from '@/lib/server/route-input';
import { shareInput } from '@/lib/snapshots/api-input';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  // Snapshots hold the whole cluster's document: cluster-wide viewers only (lib/server/auth).
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  return withStoreErrors(async () => Response.json({ shares: await (await snapshotStore()).listShares(id) }, { headers: NO_STORE }));
}

export async function POST(request: Request, { params }: Ctx) {
  // Snapshots hold the whole cluster's document: cluster-wide viewers only (lib/server/auth).
  const refusal = await clusterRouteRefusal();
  if (refusal) return refusal;
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  const input = await readJsonBody(request, shareInput); // 415, 413 (16 KiB), 400
  if (!input.ok) return input.response;
  return withStoreErrors(async () => {
    const r = await createShare(id, input.value).catch((e: unknown) => {
      if (e instanceof ShareLimitError) return e;
      throw e;
    });
    if (!r) return jsonError(404, 'no such snapshot');
    if (r instanceof ShareLimitError) return jsonError(409, r.message);
    const url = new URL(`/share/${r.token}`, request.url).pathname;
    return Response.json({ share: r.share, token: r.token, path: url }, { status: 201, headers: NO_STORE });
  });
}
