// GET /api/audit/events: the last audit events kept for display, newest first (cluster-wide viewers only).
import { NO_STORE } from '@/lib/server/api-responses';
import { recentAuditEvents } from '@/lib/server/audit-events';
import { clusterRouteIdentity } from '@/lib/server/auth/guard';

export const dynamic = 'force-dynamic';

export async function GET() {
  const who = await clusterRouteIdentity('audit events name any namespace’s objects');
  if (!who.ok) return who.response;
  return Response.json(await recentAuditEvents(who.identity.cluster), { headers: NO_STORE });
}
