import { OverviewView } from '@/components/views/OverviewView';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <OverviewView source={await loadSnapshotPage((await params).id)} />;
}
