// Every page of one pushed cluster (its agent's latest report): the shared posture views
// (components/views) under this base, so their links stay inside the cluster. Each page loads the
// report itself (loadFleetClusterPage checks the caller) and calls its view.
import type { ReactNode } from 'react';
import { PostureBase } from '@/components/PostureLink';

export const dynamic = 'force-dynamic';

export default async function FleetClusterLayout({ params, children }: { params: Promise<{ cluster: string }>; children: ReactNode }) {
  return <PostureBase base={`/fleet/${encodeURIComponent((await params).cluster)}`}>{children}</PostureBase>;
}
