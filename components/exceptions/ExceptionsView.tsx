// /exceptions: the form (for who may change them), the stored exceptions with their expired
// marks, the accepted and by-design findings under their own headings, and the audit trail.
import type { ReactNode } from 'react';
import { AppHeader } from '@/components/AppHeader';
import { DataTable } from '@/components/DataTable';
import { FindingsTable } from '@/components/FindingsTable';
import { utcTime } from '@/components/snapshot-time';
import { hasExpired } from '@/lib/posture/triage/accept-annotation';
import type { ExceptionScope } from '@/lib/posture/triage/exceptions';
import type { ExceptionsPageData } from '@/lib/server/exceptions-page';
import type { AuditEntry } from '@/lib/snapshots/exceptions-store';
import { DeleteExceptionButton, ExceptionForm } from './ExceptionForm';

const SHOWN = 200;

export function scopeText(s: ExceptionScope): string {
  if (s.type === 'object') return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
  if (s.type === 'namespace') return `namespace ${s.namespace}`;
  return `labels ${s.selector}${s.namespace ? ` in ${s.namespace}` : ''}`;
}

/** What an audit entry changed: the fields of an update, else the scope it created or deleted. */
export function changeText(a: AuditEntry): string {
  if (a.action !== 'update' || !a.before || !a.after) return scopeText((a.after ?? a.before)!.scope);
  const fields = (['checkId', 'reason', 'owner', 'expires'] as const).filter((k) => a.before![k] !== a.after![k]);
  const changes = fields.map((k) => `${k}: ${a.before![k]} → ${a.after![k]}`);
  if (JSON.stringify(a.before.scope) !== JSON.stringify(a.after.scope)) changes.push(`scope → ${scopeText(a.after.scope)}`);
  return changes.join('; ');
}

export function ExceptionsView({ doc, list, trail, storeError, accepted, expected, canChange, maxDays, now }: ExceptionsPageData) {
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
      <AppHeader doc={doc} />
      <h1 className="text-xl font-semibold">Exceptions</h1>
      <p className="text-xs text-slate-600">
        An accepted finding stays listed with its exception but leaves scores and counts until the exception expires. Exceptions can also live in Git as a{' '}
        <code className="font-mono">kube-posture.io/accept</code> annotation on the object.
      </p>
      {storeError && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          The store could not be opened: {storeError}
        </p>
      )}
      {canChange && (
        <section aria-label="Add an exception" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <ExceptionForm maxDays={maxDays} />
        </section>
      )}
      <Part id="stored" title={`Stored exceptions (${list.length})`}>
        {list.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <DataTable
            caption="Stored exceptions"
            rows={list}
            rowKey={(e) => e.id}
            columns={[
              { header: 'Check', cell: (e) => e.checkId, className: 'font-mono text-xs break-all' },
              { header: 'Scope', cell: (e) => scopeText(e.scope), className: 'break-words' },
              { header: 'Owner', cell: (e) => e.owner },
              { header: 'Reason', cell: (e) => e.reason },
              {
                header: 'Expires',
                className: 'whitespace-nowrap',
                cell: (e) => (
                  <>
                    {e.expires}
                    {hasExpired(e.expires, now) && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">expired</span>}
                  </>
                ),
              },
              { header: 'Created by', cell: (e) => e.createdBy },
              canChange && { header: 'Actions', cell: (e) => <DeleteExceptionButton id={e.id} /> },
            ]}
          />
        )}
      </Part>
      <Part id="accepted" title={`Accepted findings (${accepted.length})`}>
        <FindingsTable findings={accepted.slice(0, SHOWN)} caption="Findings accepted by an exception" />
      </Part>
      <Part id="expected" title={`Expected by design (${expected.length})`}>
        <p className="mb-2 text-xs text-slate-600">
          Findings of well-known system components on checks they fail on purpose (namespace, owner kind and images all matched). Off with{' '}
          <code className="font-mono">POSTURE_EXPECTED_CATALOGUE=off</code>.
        </p>
        <FindingsTable findings={expected.slice(0, SHOWN)} caption="Findings expected by design" />
      </Part>
      <Part id="audit" title="Audit trail">
        {trail.length === 0 ? (
          <p className="text-sm text-slate-600">No changes yet.</p>
        ) : (
          <DataTable
            caption="Audit trail"
            rows={trail}
            rowKey={(a) => a.id}
            columns={[
              { header: 'When', cell: (a) => <time dateTime={a.at}>{utcTime(a.at)}</time>, className: 'whitespace-nowrap' },
              { header: 'Who', cell: (a) => a.actor },
              { header: 'Action', cell: (a) => a.action },
              { header: 'Check', cell: (a) => (a.after ?? a.before)?.checkId, className: 'font-mono text-xs break-all' },
              { header: 'Change', cell: changeText },
            ]}
          />
        )}
      </Part>
    </div>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={id} className="mb-2 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
