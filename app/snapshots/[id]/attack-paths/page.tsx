import { AttackPathsView } from '@/components/views/AttackPathsView';
import type { SearchParams } from '@/components/views/source';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  return <AttackPathsView source={await loadSnapshotPage((await params).id)} params={await searchParams} />;
}
