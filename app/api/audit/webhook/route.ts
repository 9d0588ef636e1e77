// POST /api/audit/webhook: the API server's audit webhook backend posts EventList batches here,
// authenticated by its bearer token (lib/server/audit-receiver.ts), not by a viewer's session.
import { serveAuditWebhook } from '@/lib/server/audit-webhook';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return serveAuditWebhook(request);
}
