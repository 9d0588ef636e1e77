import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AreaView } from '@/components/AreaView';
import { PostureBase } from '@/components/PostureLink';
import { AREAS } from '@/lib/posture/areas';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'kube-posture snapshot', robots: { index: false, follow: false } };

export default async function Page({ params }: { params: Promise<{ token: string; area: string }> }) {
  const p = await params;
  const { doc, view, base } = await loadSharePage(p.token);
  const meta = AREAS.find((a) => a.id === p.area);
  if (!meta || !doc.areas.some((a) => a.id === meta.id)) notFound();
  return (
    <PostureBase base={base}>
      <AreaView doc={doc} meta={meta} snapshot={view} />
    </PostureBase>
  );
}
