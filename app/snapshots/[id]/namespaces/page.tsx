import type { SearchParams } from '@/components/views/source';
import { NamespacesView } from '@/components/views/NamespacesView';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  return <NamespacesView source={await loadSnapshotPage((await params).id)} params={await searchParams} />;
}
