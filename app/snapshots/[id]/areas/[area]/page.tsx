import { notFound } from 'next/navigation';
import { AreaView } from '@/components/AreaView';
import { PostureBase } from '@/components/PostureLink';
import { AREAS } from '@/lib/posture/areas';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string; area: string }> }) {
  const p = await params;
  const { doc, view, base } = await loadSnapshotPage(p.id);
  const meta = AREAS.find((a) => a.id === p.area);
  if (!meta || !doc.areas.some((a) => a.id === meta.id)) notFound();
  return (
    <PostureBase base={base}>
      <AreaView doc={doc} meta={meta} snapshot={view} />
    </PostureBase>
  );
}
