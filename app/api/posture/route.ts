// GET /api/posture: the posture document. 503 with the reason when no scan has succeeded yet.
import { getPosture } from '@/lib/server/posture-service';

export const dynamic = 'force-dynamic';

export async function GET() {
  const { doc, error } = await getPosture();
  if (!doc) return Response.json({ error: error ?? 'no posture yet' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  // A stale document (the last scan failed) is still served, and says so in a header.
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error) headers['X-Posture-Stale'] = encodeURIComponent(error);
  return Response.json(doc, { headers });
}
