import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PostureBase } from '@/components/PostureLink';
import { SnapshotNamespace } from '@/components/snapshots/SnapshotNamespace';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'kube-posture snapshot', robots: { index: false, follow: false } };

export default async function Page({ params }: { params: Promise<{ token: string; name: string }> }) {
  const p = await params;
  const { doc, view, base } = await loadSharePage(p.token);
  const name = decodeURIComponent(p.name);
  const ns = doc.namespaces.find((n) => n.name === name);
  if (!ns) notFound();
  return (
    <PostureBase base={base}>
      <SnapshotNamespace doc={doc} ns={ns} snapshot={view} />
    </PostureBase>
  );
}
