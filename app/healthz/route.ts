// GET /healthz: the process is up and serving (the liveness probe). Never touches the cluster.
import { liveness } from '@/lib/server/health';
import { NO_STORE } from '@/lib/server/api-responses';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(liveness(), { headers: NO_STORE });
}
