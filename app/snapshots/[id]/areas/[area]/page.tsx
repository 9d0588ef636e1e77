import { AreaView } from '@/components/views/AreaView';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export default async function Page({ params }: { params: Promise<{ id: string; area: string }> }) {
  const { id, area } = await params;
  return <AreaView source={await loadSnapshotPage(id)} id={area} />;
}
