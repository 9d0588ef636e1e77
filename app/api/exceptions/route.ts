// GET /api/exceptions: the stored exceptions of the request's cluster.
// POST /api/exceptions {checkId, scope, reason, owner, expires}: create one (lib/server/exception-input.ts).
// Cluster-wide viewers of that cluster; changes narrowed to EXCEPTION_GROUPS when set (lib/server/exceptions-service.ts).
import { NO_STORE, refused, withStoreErrors } from '@/lib/server/api-responses';
import { createExceptionInput } from '@/lib/server/exception-input';
import { exceptionAccess } from '@/lib/server/exceptions-service';
import { readJsonBody } from '@/lib/server/route-input';
import { isSameOrigin } from '@/lib/server/same-origin';

export const dynamic = 'force-dynamic';

export async function GET() {
  const access = await exceptionAccess();
  if (!access.ok) return access.response;
  return withStoreErrors(async () => Response.json({ exceptions: (await access.exceptions.list()).map(({ clusterKey: _k, ...e }) => e) }, { headers: NO_STORE }));
}

export async function POST(request: Request) {
  const access = await exceptionAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const input = await readJsonBody(request, createExceptionInput); // 415, 413, 400
  if (!input.ok) return input.response;
  return withStoreErrors(async () => {
    const r = await access.exceptions.create(input.value);
    if (r instanceof Response) return r;
    const { clusterKey: _k, ...exception } = r;
    return Response.json({ exception }, { status: 201, headers: NO_STORE });
  });
}
