// GET /api/posture/stamp: when the current posture was computed, so open pages can tell
// cheaply that a newer one exists (components/LiveRefresh) without fetching the document.
import { getPosture } from '@/lib/server/posture-service';
import { NO_STORE } from '@/lib/server/api-responses';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { doc, error } = await getPosture();
  return Response.json({ generatedAt: doc?.generatedAt ?? null, error }, { headers: NO_STORE });
}
