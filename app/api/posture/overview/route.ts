// GET /api/posture/overview: what the overview page shows (lib/posture/overview-data.ts), a few
// kilobytes however large the cluster; the page polls it. 503 with the reason before any scan.
import { overviewData } from '@/lib/posture/overview-data';
import { viewerPostureForRoute } from '@/lib/server/auth/viewer-posture';
import { jsonDocumentResponse } from '@/lib/server/posture-json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const posture = await viewerPostureForRoute();
  if (!posture.ok) return posture.response;
  const { doc, error } = posture;
  if (!doc) return Response.json({ error: error ?? 'no posture yet' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error) headers['X-Posture-Stale'] = encodeURIComponent(error);
  return jsonDocumentResponse(overviewData(doc), request, headers);
}
