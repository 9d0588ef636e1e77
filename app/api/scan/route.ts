// POST /api/scan: rescan the viewer's source now. The body streams progress as NDJSON, one
// event per line (kinds listed, then done or error); viewers who ask while a scan runs join it.
import { routeViewer } from '@/lib/server/auth/guard';
import { requestSource } from '@/lib/server/request-source';
import { rescan, type ScanEvent } from '@/lib/server/posture-service';
import { isSameOrigin } from '@/lib/server/same-origin';
import { NO_STORE } from '@/lib/server/api-responses';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: 'cross-site request refused' }, { status: 403 });
  const who = await routeViewer(); // proxy.ts checked already; a route checks again
  if (!who.ok) return who.response;
  const spec = await requestSource();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (e: ScanEvent) => controller.enqueue(encoder.encode(JSON.stringify(e) + '\n'));
      rescan(spec, send).then(
        () => controller.close(),
        () => controller.close(), // the error event was sent
      );
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson', ...NO_STORE } });
}
