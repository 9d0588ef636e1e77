import type { SearchParams } from '@/components/views/source';
import { NamespacesView } from '@/components/views/NamespacesView';
import { requirePosture } from '@/lib/server/auth/viewer-posture';

export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <NamespacesView source={await requirePosture()} params={await searchParams} />;
}
