import type { SearchParams } from '@/components/views/source';
import { FindingsView } from '@/components/views/FindingsView';
import { requirePosture } from '@/lib/server/auth/viewer-posture';

export const dynamic = 'force-dynamic';

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <FindingsView source={await requirePosture()} params={await searchParams} />;
}
