import { NamespacesView } from '@/components/NamespacesView';
import { PostureBase } from '@/components/PostureLink';
import { parseNamespaceListQuery } from '@/lib/posture/namespace-list';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams.then(parseNamespaceListQuery)]);
  const { doc, view, base } = await loadSnapshotPage(id);
  return (
    <PostureBase base={base}>
      <NamespacesView doc={doc} query={query} base={base} snapshot={view} />
    </PostureBase>
  );
}
