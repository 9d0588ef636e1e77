import { Overview } from '@/components/Overview';
import { overviewData } from '@/lib/posture/overview-data';
import { requireViewer, restrictForViewer } from '@/lib/server/auth/guard';
import { getPosture } from '@/lib/server/posture-service';
import { trendFor } from '@/lib/server/snapshot-pages';
import { requestScope } from '@/lib/server/snapshot-service';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const viewer = await requireViewer();
  const [{ doc: whole, error }, { scope }] = await Promise.all([getPosture(), requestScope()]);
  // Only the viewer's namespaces; the cluster's score over time is for cluster-wide viewers.
  const doc = whole && (await restrictForViewer(viewer, whole));
  // The score over time from the stored snapshots of this source (the chart needs two).
  const trend = doc?.view ? [] : await trendFor(scope);
  return <Overview initial={doc && overviewData(doc)} initialError={error} trend={trend} />;
}
