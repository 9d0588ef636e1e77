import { CheckCatalogue } from '@/components/CheckCatalogue';
import { catalogueOrder } from '@/lib/posture/catalogue';
import { ALL_CHECKS } from '@/lib/posture/registry';
import { requirePageIdentity } from '@/lib/server/auth/guard';

export const dynamic = 'force-dynamic';

export default async function ChecksPage() {
  await requirePageIdentity();
  return <CheckCatalogue checks={catalogueOrder(ALL_CHECKS)} />;
}
