import type { SearchParams } from '@/components/views/source';
import { NamespacesView } from '@/components/views/NamespacesView';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export default async function Page({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  return <NamespacesView source={await loadSharePage((await params).token)} params={await searchParams} />;
}
