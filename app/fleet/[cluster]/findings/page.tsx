import type { SearchParams } from '@/components/views/source';
import { FindingsView } from '@/components/views/FindingsView';
import { loadFleetClusterPage } from '@/lib/server/fleet-access';

export default async function Page({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> }) {
  return <FindingsView source={await loadFleetClusterPage((await params).cluster)} params={await searchParams} />;
}
