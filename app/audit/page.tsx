// The last audit events kept for display (cluster-wide viewers only; others get 404).
import { RecentAuditEventsView } from '@/components/audit/RecentAuditEventsView';
import { loadAuditEventsPage } from '@/lib/server/audit-events';

export const dynamic = 'force-dynamic';

export default async function AuditEventsPage() {
  return <RecentAuditEventsView {...await loadAuditEventsPage()} />;
}
