import { notFound } from 'next/navigation';
import { CheckPage } from '@/components/CheckCatalogue';
import { checkById } from '@/lib/posture/registry';
import { requirePageIdentity } from '@/lib/server/auth/guard';

export const dynamic = 'force-dynamic';

export default async function CheckDocsPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageIdentity();
  const check = checkById((await params).id);
  if (!check) notFound();
  return <CheckPage check={check} />;
}
