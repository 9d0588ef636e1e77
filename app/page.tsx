import { Overview } from '@/components/Overview';
import { overviewData } from '@/lib/posture/overview-data';
import { viewerPostureForPage } from '@/lib/server/auth/viewer-posture';
import { sourceKey } from '@/lib/server/request-source';
import { trendFor } from '@/lib/server/snapshot-pages';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  // Only the viewer's namespaces of the cluster they are signed in to (lib/server/auth).
  const { identity, doc, error } = await viewerPostureForPage();
  // The score over time from the stored snapshots of this source (the chart needs two); cluster-wide viewers only.
  const trend = !doc || doc.view ? [] : await trendFor(sourceKey(identity.cluster.spec));
  return <Overview initial={doc && overviewData(doc)} initialError={error} trend={trend} />;
}
