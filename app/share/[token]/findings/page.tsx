import type { Metadata } from 'next';
import { SnapshotFindings } from '@/components/snapshots/SnapshotFindings';
import { loadSharePage } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'kube-posture snapshot', robots: { index: false, follow: false } };

export default async function SharedFindingsPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { doc, view, base } = await loadSharePage((await params).token);
  return <SnapshotFindings doc={doc} snapshot={view} base={base} params={await searchParams} />;
}
