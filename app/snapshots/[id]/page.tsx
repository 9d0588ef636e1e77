import { Overview } from '@/components/Overview';
import { overviewData } from '@/lib/posture/overview-data';
import { PostureBase } from '@/components/PostureLink';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';

export default async function SnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { doc, view, base } = await loadSnapshotPage((await params).id);
  return (
    <PostureBase base={base}>
      <Overview initial={overviewData(doc)} initialError={null} snapshot={view} />
    </PostureBase>
  );
}
