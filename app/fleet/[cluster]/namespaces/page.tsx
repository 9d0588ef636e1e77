import type { SearchParams } from '@/components/views/source';
import { NamespacesView } from '@/components/views/NamespacesView';
import { loadFleetClusterPage } from '@/lib/server/fleet-access';

export default async function Page({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> }) {
  return <NamespacesView source={await loadFleetClusterPage((await params).cluster)} params={await searchParams} />;
}
