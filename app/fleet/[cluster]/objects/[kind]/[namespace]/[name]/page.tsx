import { ObjectView } from '@/components/views/ObjectView';
import { loadFleetClusterPage } from '@/lib/server/fleet-access';
import { WHOLE_CLUSTER, objectForViewer } from '@/lib/server/object-page';

type Params = { cluster: string; kind: string; namespace: string; name: string };

export default async function Page({ params }: { params: Promise<Params> }) {
  const { cluster, ...segments } = await params;
  // loadFleetClusterPage lets through only those who may see the whole pushed cluster (its groups, or the hub's admins).
  const source = await loadFleetClusterPage(cluster);
  return <ObjectView source={source} object={objectForViewer(segments, WHOLE_CLUSTER)} />;
}
