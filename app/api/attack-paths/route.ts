// GET /api/attack-paths: the attack-path summary (counts per target, fix-first, the shortest paths).
// A viewer limited to some namespaces gets only the paths that start there, with steps outside them
// named by kind only (lib/posture/attack-paths-view.ts, applied with the rest of their view).
import { postureRoute } from '@/lib/server/posture-json';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return postureRoute(request, (doc) => ({
    cluster: doc.cluster,
    generatedAt: doc.generatedAt,
    ...(doc.view ? { view: doc.view } : {}),
    attackPaths: doc.attackPaths ?? null,
  }));
}
