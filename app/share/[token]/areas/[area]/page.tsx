import { AreaView } from '@/components/views/AreaView';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export default async function Page({ params }: { params: Promise<{ token: string; area: string }> }) {
  const { token, area } = await params;
  return <AreaView source={await loadSharePage(token)} id={area} />;
}
