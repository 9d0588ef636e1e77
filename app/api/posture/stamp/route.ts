// GET /api/posture/stamp: when the current posture was computed, so open pages can tell
// cheaply that a newer one exists (components/LiveRefresh) without fetching the document.
// Authenticated for the request's cluster before anything is read or scanned.
import { routeIdentity } from '@/lib/server/auth/guard';
import { getPosture } from '@/lib/server/posture-service';

export const dynamic = 'force-dynamic';

export async function GET() {
  const who = await routeIdentity();
  if (!who.ok) return who.response;
  const { doc, error } = await getPosture(who.identity.cluster.spec);
  return Response.json({ generatedAt: doc?.generatedAt ?? null, error }, { headers: { 'Cache-Control': 'no-store' } });
}
