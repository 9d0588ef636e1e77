import type { Metadata } from 'next';
import { NamespacesView } from '@/components/NamespacesView';
import { PostureBase } from '@/components/PostureLink';
import { parseNamespaceListQuery } from '@/lib/posture/namespace-list';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'kube-posture snapshot', robots: { index: false, follow: false } };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams.then(parseNamespaceListQuery)]);
  const { doc, view, base } = await loadSharePage(token);
  return (
    <PostureBase base={base}>
      <NamespacesView doc={doc} query={query} base={base} snapshot={view} />
    </PostureBase>
  );
}
