// Stored exceptions of the request's cluster and their audit trail (cluster-wide viewers only;
// others get 404). Exceptions kept in Git as kube-posture.io/accept annotations show on their
// findings instead (see the README).
import { ExceptionsView } from '@/components/exceptions/ExceptionsView';
import { loadExceptionsPage } from '@/lib/server/exceptions-page';

export const dynamic = 'force-dynamic';

export default async function ExceptionsPage() {
  return <ExceptionsView {...await loadExceptionsPage()} />;
}
