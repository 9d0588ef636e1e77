import { NamespaceView } from '@/components/views/NamespaceView';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export default async function Page({ params }: { params: Promise<{ id: string; name: string }> }) {
  const { id, name } = await params;
  return <NamespaceView source={await loadSnapshotPage(id)} name={name} />;
}
