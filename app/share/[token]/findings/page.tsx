import type { SearchParams } from '@/components/views/source';
import { FindingsView } from '@/components/views/FindingsView';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export default async function Page({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  return <FindingsView source={await loadSharePage((await params).token)} params={await searchParams} />;
}
