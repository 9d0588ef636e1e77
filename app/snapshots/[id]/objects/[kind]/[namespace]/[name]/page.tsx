import { ObjectView } from '@/components/views/ObjectView';
import { WHOLE_CLUSTER, objectForViewer } from '@/lib/server/object-page';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

type Params = { id: string; kind: string; namespace: string; name: string };

export default async function Page({ params }: { params: Promise<Params> }) {
  const { id, ...segments } = await params;
  // Snapshots are for cluster-wide viewers only (loadSnapshotPage checks): every object may be asked about.
  const source = await loadSnapshotPage(id);
  return <ObjectView source={source} object={objectForViewer(segments, WHOLE_CLUSTER)} />;
}
