import { AttackPathsView } from '@/components/views/AttackPathsView';
import type { SearchParams } from '@/components/views/source';
import { requirePosture } from '@/lib/server/auth/viewer-posture';

export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // A namespace viewer's document holds only the paths that start in their namespaces (lib/posture/attack-paths-view.ts).
  return <AttackPathsView source={await requirePosture()} params={await searchParams} />;
}
