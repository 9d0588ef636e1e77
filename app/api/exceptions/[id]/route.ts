// PATCH /api/exceptions/:id {reason?, owner?, expires?, scope?}: change a stored exception.
// DELETE /api/exceptions/:id: delete it. Both audited; only the request's cluster's exceptions.
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { updateExceptionInput } from '@/lib/server/exception-input';
import { exceptionAccess } from '@/lib/server/exceptions-service';
import { readJsonBody } from '@/lib/server/route-input';
import { isSameOrigin } from '@/lib/server/same-origin';
import { isId } from '@/lib/server/snapshot-service';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, { params }: Ctx) {
  const access = await exceptionAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such exception');
  const input = await readJsonBody(request, updateExceptionInput);
  if (!input.ok) return input.response;
  return withStoreErrors(async () => {
    const r = await access.exceptions.update(id, input.value);
    if (r instanceof Response) return r;
    if (!r) return jsonError(404, 'no such exception');
    const { clusterKey: _k, ...exception } = r;
    return Response.json({ exception }, { headers: NO_STORE });
  });
}

export async function DELETE(request: Request, { params }: Ctx) {
  const access = await exceptionAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const { id } = await params;
  if (!isId(id)) return jsonError(404, 'no such exception');
  return withStoreErrors(async () => {
    const r = await access.exceptions.remove(id);
    if (r instanceof Response) return r;
    return r ? new Response(null, { status: 204 }) : jsonError(404, 'no such exception');
  });
}
