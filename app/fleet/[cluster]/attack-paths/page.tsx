import { AttackPathsView } from '@/components/views/AttackPathsView';
import type { SearchParams } from '@/components/views/source';
import { loadFleetClusterPage } from '@/lib/server/fleet-access';

export default async function Page({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> }) {
  return <AttackPathsView source={await loadFleetClusterPage((await params).cluster)} params={await searchParams} />;
}
