// GET /healthz: the process is up and serving (the liveness probe). Never touches the cluster.
import { liveness } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(liveness(), { headers: { 'Cache-Control': 'no-store' } });
}
