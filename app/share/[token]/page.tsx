import type { Metadata } from 'next';
import { Overview } from '@/components/Overview';
import { overviewData } from '@/lib/posture/overview-data';
import { PostureBase } from '@/components/PostureLink';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'kube-posture snapshot', robots: { index: false, follow: false } };

export default async function SharedSnapshotPage({ params }: { params: Promise<{ token: string }> }) {
  const { doc, view, base } = await loadSharePage((await params).token);
  return (
    <PostureBase base={base}>
      <Overview initial={overviewData(doc)} initialError={null} snapshot={view} />
    </PostureBase>
  );
}
