// GET /metrics: the posture for Prometheus. The whole cluster's numbers, so: a cluster-wide
// viewer, or a scraper with `Authorization: Bearer $METRICS_TOKEN`.
import { secretMatches } from '@/lib/server/auth/authenticate';
import { authConfig } from '@/lib/server/auth/config';
import { clusterRouteIdentity } from '@/lib/server/auth/guard';
import { postureMetrics } from '@/lib/server/metrics/prometheus';
import { getPosture, scanStats } from '@/lib/server/posture-service';
import { requestSource } from '@/lib/server/request-source';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const { metricsToken } = authConfig();
  const bearer = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null;
  if (!(metricsToken && secretMatches(bearer, metricsToken))) {
    const who = await clusterRouteIdentity('metrics cover the whole cluster');
    if (!who.ok) return who.response;
  }
  const spec = await requestSource();
  const { doc } = await getPosture(spec);
  return new Response(postureMetrics(doc, scanStats(spec)), {
    headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
