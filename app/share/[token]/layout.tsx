// Every page of a share link: the shared posture views (components/views) under the link's
// base, so nothing leads out of it to live data; never indexed. Each page opens the link
// itself (loadSharePage) and calls its view.
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { PostureBase } from '@/components/PostureLink';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'kube-posture snapshot', robots: { index: false, follow: false } };

export default async function ShareLayout({ params, children }: { params: Promise<{ token: string }>; children: ReactNode }) {
  return <PostureBase base={`/share/${encodeURIComponent((await params).token)}`}>{children}</PostureBase>;
}
