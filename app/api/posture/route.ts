// GET /api/posture: the posture document. 503 with the reason when no scan has succeeded yet.
import { viewerPostureForRoute } from '@/lib/server/auth/viewer-posture';
import { jsonDocumentResponse } from '@/lib/server/posture-json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  // Only the namespaces the caller may see (lib/server/auth).
  const posture = await viewerPostureForRoute();
  if (!posture.ok) return posture.response;
  const { doc, error } = posture;
  if (!doc) return Response.json({ error: error ?? 'no posture yet' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  // A stale document (the last scan failed) is still served, and says so in a header.
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error) headers['X-Posture-Stale'] = encodeURIComponent(error);
  return jsonDocumentResponse(doc, request, headers);
}
