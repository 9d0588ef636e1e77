import { OverviewView } from '@/components/views/OverviewView';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  return <OverviewView source={await loadSharePage((await params).token)} />;
}
