import { OverviewView } from '@/components/views/OverviewView';
import { loadFleetClusterPage } from '@/lib/server/fleet-access';

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  return <OverviewView source={await loadFleetClusterPage((await params).cluster)} />;
}
