// POST /api/fleet/ingest: an agent's posture report, authenticated by its cluster's ingest token
// (lib/server/fleet-ingest.ts), not by a viewer's session.
import { handleIngest } from '@/lib/server/fleet-ingest';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  return handleIngest(request);
}
