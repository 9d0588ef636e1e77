import { NamespaceView } from '@/components/views/NamespaceView';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export default async function Page({ params }: { params: Promise<{ token: string; name: string }> }) {
  const { token, name } = await params;
  return <NamespaceView source={await loadSharePage(token)} name={name} />;
}
