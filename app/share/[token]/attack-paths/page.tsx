import { AttackPathsView } from '@/components/views/AttackPathsView';
import type { SearchParams } from '@/components/views/source';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export default async function Page({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<SearchParams> }) {
  return <AttackPathsView source={await loadSharePage((await params).token)} params={await searchParams} />;
}
