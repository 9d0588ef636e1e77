import { notFound } from 'next/navigation';
import { PostureBase } from '@/components/PostureLink';
import { SnapshotNamespace } from '@/components/snapshots/SnapshotNamespace';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string; name: string }> }) {
  const p = await params;
  const { doc, view, base } = await loadSnapshotPage(p.id);
  const name = decodeURIComponent(p.name);
  const ns = doc.namespaces.find((n) => n.name === name);
  if (!ns) notFound();
  return (
    <PostureBase base={base}>
      <SnapshotNamespace doc={doc} ns={ns} snapshot={view} />
    </PostureBase>
  );
}
