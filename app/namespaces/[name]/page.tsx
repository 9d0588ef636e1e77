import { NamespaceView } from '@/components/views/NamespaceView';
import { loadNamespacePage } from '@/lib/server/namespace-page';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ name: string }> }) {
  const raw = (await params).name;
  // The viewer's share: workloads, and who can act here without names from outside their namespaces.
  const { doc, live } = await loadNamespacePage(decodeURIComponent(raw));
  return <NamespaceView source={{ doc }} name={raw} live={live} />;
}
