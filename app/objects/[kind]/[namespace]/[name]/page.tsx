import { ObjectView } from '@/components/views/ObjectView';
import { loadObjectPage } from '@/lib/server/object-page';

export const dynamic = 'force-dynamic';

type Params = { kind: string; namespace: string; name: string };

export default async function Page({ params }: { params: Promise<Params> }) {
  // The viewer's share: 404 outside their namespaces; who can act on it without names they may not see.
  const { doc, key, live } = await loadObjectPage(await params);
  return <ObjectView source={{ doc }} object={key} live={live} />;
}
