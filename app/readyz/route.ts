// GET /readyz: 200 when the cluster is reachable and the snapshot store opens, else 503
// with the reason (the readiness probe).
import { checkReadiness, serverReadinessDeps } from '@/lib/server/readiness';
import { NO_STORE } from '@/lib/server/api-responses';

export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness(serverReadinessDeps());
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: NO_STORE });
}
