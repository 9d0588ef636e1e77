import { Overview } from '@/components/Overview';
import { getPosture } from '@/lib/server/posture-service';
import { trendFor } from '@/lib/server/snapshot-pages';
import { requestScope } from '@/lib/server/snapshot-service';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const [{ doc, error }, { scope }] = await Promise.all([getPosture(), requestScope()]);
  // The score over time from the stored snapshots of this source (the chart needs two).
  const trend = await trendFor(scope);
  return <Overview initial={doc} initialError={error} trend={trend} />;
}
