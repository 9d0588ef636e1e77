import { NamespaceView } from '@/components/views/NamespaceView';
import { requirePosture } from '@/lib/server/posture-service';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ name: string }> }) {
  return <NamespaceView source={await requirePosture()} name={(await params).name} />;
}
