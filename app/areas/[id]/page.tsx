import { notFound } from 'next/navigation';
import { AreaView } from '@/components/AreaView';
import { AREAS } from '@/lib/posture/areas';
import { requirePosture } from '@/lib/server/auth/viewer-posture';

export const dynamic = 'force-dynamic';

export default async function AreaPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const meta = AREAS.find((a) => a.id === id);
  if (!meta) notFound();
  const { doc } = await requirePosture();
  return <AreaView doc={doc} meta={meta} />;
}
