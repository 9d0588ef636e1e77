// Every page of one stored snapshot: the shared posture views (components/views) under this
// base, so their links stay inside the snapshot. Each page loads the snapshot itself
// (loadSnapshotPage checks the caller) and calls its view.
import type { ReactNode } from 'react';
import { PostureBase } from '@/components/PostureLink';

export const dynamic = 'force-dynamic';

export default async function SnapshotLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  return <PostureBase base={`/snapshots/${encodeURIComponent((await params).id)}`}>{children}</PostureBase>;
}
