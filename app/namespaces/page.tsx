import { NamespacesView } from '@/components/NamespacesView';
import { parseNamespaceListQuery } from '@/lib/posture/namespace-list';
import { requirePosture } from '@/lib/server/auth/viewer-posture';

export const dynamic = 'force-dynamic';

export default async function NamespacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseNamespaceListQuery(await searchParams);
  const { doc } = await requirePosture();
  return <NamespacesView doc={doc} query={query} />;
}
