// POST /api/snapshots/:id/shares {expiresInHours?, redact?}: a new share link. The token is
// in this answer only; the server keeps its hash. GET lists the snapshot's shares (no tokens).
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { createShare, isId, snapshotStore } from '@/lib/server/snapshot-service';
import { parseBody, readBodyLimited, shareInput } from '@/lib/snapshots/api-input';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_request: Request, { params }: Ctx) {
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  return withStoreErrors(async () => Response.json({ shares: await (await snapshotStore()).listShares(id) }, { headers: NO_STORE }));
}

export async function POST(request: Request, { params }: Ctx) {
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such snapshot');
  const text = await readBodyLimited(request.body, 16 * 1024);
  if (text === null) return jsonError(413, 'the body is larger than 16 KiB');
  const input = parseBody(shareInput, text);
  if (!input.ok) return jsonError(400, input.error);
  return withStoreErrors(async () => {
    const r = await createShare(id, input.value);
    if (!r) return jsonError(404, 'no such snapshot');
    const url = new URL(`/share/${r.token}`, request.url).pathname;
    return Response.json({ share: r.share, token: r.token, path: url }, { status: 201, headers: NO_STORE });
  });
}
