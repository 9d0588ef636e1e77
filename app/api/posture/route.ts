// GET /api/posture: the posture document. 503 with the reason when no scan has succeeded yet;
// a stale document (the last scan failed) is still served, and says so in a header.
import { postureRoute } from '@/lib/server/posture-json';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return postureRoute(request);
}
