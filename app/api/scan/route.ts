// POST /api/scan: rescan the viewer's cluster now. The body streams progress as NDJSON, one
// event per line (kinds listed, then done or error); viewers who ask while a scan runs join it.
// Rate limited per address and per viewer, and at most one listing per cluster per interval
// (lib/server/scan-limit.ts). Per-kind counts describe the whole cluster: cluster-wide viewers
// only; a namespace viewer hears how far the scan is; a viewer with no namespace gets 403.
import { authConfig } from '@/lib/server/auth/config';
import { clientAddress } from '@/lib/server/auth/client-address';
import { routeIdentity } from '@/lib/server/auth/guard';
import { getPosture, requestedRescan, type ScanEvent } from '@/lib/server/posture-service';
import { requestCluster } from '@/lib/server/request-source';
import { isSameOrigin } from '@/lib/server/same-origin';
import { rescanRefusal, scanLimits } from '@/lib/server/scan-limit';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: 'cross-site request refused' }, { status: 403 });
  const cluster = await requestCluster();
  const who = await routeIdentity({ cluster, namespaces: async () => (await getPosture(cluster.spec)).doc?.namespaces.map((n) => n.name) ?? [] });
  if (!who.ok) return who.response;
  const { viewer, scope } = who.identity;
  if (!scope.clusterWide && scope.namespaces.size === 0) return Response.json({ error: 'you may see no namespace of this cluster' }, { status: 403, headers: NO_STORE });
  const limits = scanLimits();
  const wait = rescanRefusal(limits, clientAddress(request.headers, authConfig().proxy.trustedCidrs), `${cluster.key}|${viewer?.user ?? ''}`);
  if (wait !== null) return Response.json({ error: 'too many rescans; try again shortly' }, { status: 429, headers: { ...NO_STORE, 'Retry-After': String(wait) } });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (e: ScanEvent) => controller.enqueue(encoder.encode(JSON.stringify(scope.clusterWide ? e : progressOnly(e)) + '\n'));
      requestedRescan(cluster.spec, send, limits.minIntervalMs).then(
        () => controller.close(),
        () => controller.close(), // the error event was sent
      );
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson', ...NO_STORE } });
}

/** What a namespace viewer hears: how far the scan is, not what the cluster holds. */
function progressOnly(e: ScanEvent): object {
  return e.type === 'kind-done' || e.type === 'kind-missing' ? { type: 'progress', done: e.done, total: e.total } : e;
}
