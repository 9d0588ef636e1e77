import { ObjectView } from '@/components/views/ObjectView';
import { WHOLE_CLUSTER, objectForViewer } from '@/lib/server/object-page';
import { loadSharePage } from '@/lib/server/snapshot-pages';

type Params = { token: string; kind: string; namespace: string; name: string };

export default async function Page({ params }: { params: Promise<Params> }) {
  const { token, ...segments } = await params;
  // A share link shows its whole (possibly redacted) document to whoever holds it.
  const source = await loadSharePage(token);
  return <ObjectView source={source} object={objectForViewer(segments, WHOLE_CLUSTER)} />;
}
