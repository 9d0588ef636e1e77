import type { SearchParams } from '@/components/views/source';
import { FindingsView } from '@/components/views/FindingsView';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  return <FindingsView source={await loadSnapshotPage((await params).id)} params={await searchParams} />;
}
