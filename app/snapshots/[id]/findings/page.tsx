import { SnapshotFindings } from '@/components/snapshots/SnapshotFindings';
import { loadSnapshotPage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';

export default async function SnapshotFindingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { doc, view, base } = await loadSnapshotPage((await params).id);
  return <SnapshotFindings doc={doc} snapshot={view} base={base} params={await searchParams} />;
}
