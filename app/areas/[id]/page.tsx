import { AreaView } from '@/components/views/AreaView';
import { requirePosture } from '@/lib/server/auth/viewer-posture';

export const dynamic = 'force-dynamic';

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  return <AreaView source={await requirePosture()} id={(await params).id} />;
}
