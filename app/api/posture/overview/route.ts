// GET /api/posture/overview: what the overview page shows (lib/posture/overview-data.ts), a few
// kilobytes however large the cluster; the page polls it. 503 with the reason before any scan.
import { overviewData } from '@/lib/posture/overview-data';
import { postureRoute } from '@/lib/server/posture-json';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return postureRoute(request, overviewData);
}
