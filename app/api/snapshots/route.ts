// GET /api/snapshots: every stored snapshot (metadata), newest first, with the viewer's scope.
// POST /api/snapshots {label?}: store the current posture of the viewer's source.
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { isSameOrigin } from '@/lib/server/same-origin';
import { requestScope, snapshotStore, takeSnapshot } from '@/lib/server/snapshot-service';
import { parseBody, readBodyLimited, takeSnapshotInput } from '@/lib/snapshots/api-input';

export const dynamic = 'force-dynamic';

export async function GET() {
  return withStoreErrors(async () => {
    const { scope } = await requestScope();
    const snapshots = await (await snapshotStore()).list();
    return Response.json({ snapshots: snapshots.map(({ scope: s, ...m }) => ({ ...m, current: s === scope })) }, { headers: NO_STORE });
  });
}

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return refused();
  const text = await readBodyLimited(request.body, 16 * 1024);
  if (text === null) return jsonError(413, 'the body is larger than 16 KiB');
  const input = parseBody(takeSnapshotInput, text);
  if (!input.ok) return jsonError(400, input.error);
  return withStoreErrors(async () => {
    const r = await takeSnapshot({ label: input.value.label });
    if (!r.ok) return jsonError(503, `no posture to store: ${r.error}`);
    const { scope: _scope, ...snapshot } = r.snapshot;
    return Response.json({ snapshot, stale: r.stale }, { status: 201, headers: NO_STORE });
  });
}
