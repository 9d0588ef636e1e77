import { NamespaceView } from '@/components/views/NamespaceView';
import { loadFleetClusterPage } from '@/lib/server/fleet-access';

export default async function Page({ params }: { params: Promise<{ cluster: string; name: string }> }) {
  const { cluster, name } = await params;
  return <NamespaceView source={await loadFleetClusterPage(cluster)} name={name} />;
}
