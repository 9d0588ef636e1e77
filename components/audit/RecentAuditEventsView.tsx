// /audit: the last audit events kept for display. Every value comes from the API server's
// events (and some from its clients): rendered as text only, never as markup or links.
import { AppHeader } from '@/components/AppHeader';
import { DataTable } from '@/components/DataTable';
import { utcTime } from '@/components/snapshot-time';
import type { RecentAuditEvent } from '@/lib/posture/audit/recent';
import type { AuditEventsPageData } from '@/lib/server/audit-events';

const when = (t: string) => (Number.isNaN(Date.parse(t)) ? t : utcTime(t));

function Decision({ e }: { e: RecentAuditEvent }) {
  const refused = e.decision === 'forbid' || (e.code !== null && e.code >= 400);
  return <span className={refused ? 'rounded bg-red-50 px-1 text-red-900' : undefined}>{e.decision === 'forbid' ? 'forbidden' : e.decision === 'allow' ? 'allowed' : '—'}</span>;
}

export function RecentAuditEventsView({ doc, events, receiving, demo }: AuditEventsPageData) {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
      <AppHeader doc={doc} />
      <h1 className="text-xl font-semibold">Recent audit events</h1>
      <p className="max-w-prose text-xs text-slate-600">
        The last {events.length} events kept for display (at most 200, without request or response bodies), newest first. The API abuse detections count every event into hourly aggregates; this list is
        only what arrived last. User agents are set by the client and say nothing trustworthy; the source address is the last one, the one the API server saw.
      </p>
      {events.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm">
          {receiving
            ? 'No audit event has arrived since kube-posture started.'
            : 'No audit events: point the API server’s audit webhook at kube-posture (POSTURE_AUDIT_TOKEN, or a client certificate on POSTURE_AUDIT_TLS_PORT; see the README), or scan audit logs with the CLI’s --audit-log.'}
        </p>
      ) : (
        <section aria-labelledby="events" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="events" className="mb-2 font-semibold">
            Events{demo ? (receiving ? ' (the demo cluster’s audit log, then the webhook’s)' : ' (the demo cluster’s audit log)') : ''}
          </h2>
          <DataTable
            caption="Recent audit events"
            rows={events}
            rowKey={(e) => `${events.indexOf(e)}`}
            rowTestId="audit-event"
            columns={[
              { header: 'Time', cell: (e) => <time dateTime={e.time}>{when(e.time)}</time>, className: 'whitespace-nowrap text-xs' },
              { header: 'Verb', cell: (e) => e.verb, className: 'font-mono text-xs' },
              { header: 'User', cell: (e) => (e.impersonated ? `${e.user} (as ${e.impersonated})` : e.user), className: 'break-all' },
              { header: 'User agent (client-set)', cell: (e) => e.userAgent, className: 'break-all text-xs text-slate-600' },
              { header: 'Source', cell: (e) => e.sourceIP ?? '—', className: 'font-mono text-xs' },
              { header: 'Object', cell: (e) => e.object, className: 'break-all font-mono text-xs' },
              { header: 'Decision', cell: (e) => <Decision e={e} /> },
              { header: 'Code', cell: (e) => e.code ?? '—', className: 'font-mono text-xs' },
            ]}
          />
        </section>
      )}
    </div>
  );
}
