// The overview of a stored posture (snapshot or share link): the live overview's component,
// given the document as it was and never refreshed.
import { Overview } from '@/components/Overview';
import { overviewData } from '@/lib/posture/overview-data';
import type { PostureSource } from './source';

export function OverviewView({ source }: { source: PostureSource }) {
  return <Overview initial={overviewData(source.doc)} initialError={null} snapshot={source.view} />;
}
