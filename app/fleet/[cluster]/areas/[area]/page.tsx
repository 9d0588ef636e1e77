import { AreaView } from '@/components/views/AreaView';
import { loadFleetClusterPage } from '@/lib/server/fleet-access';

export default async function Page({ params }: { params: Promise<{ cluster: string; area: string }> }) {
  const { cluster, area } = await params;
  return <AreaView source={await loadFleetClusterPage(cluster)} id={area} />;
}
