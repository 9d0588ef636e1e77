import { Overview } from '@/components/Overview';
import { getPosture } from '@/lib/server/posture-service';

export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const { doc, error } = await getPosture();
  return <Overview initial={doc} initialError={error} />;
}
