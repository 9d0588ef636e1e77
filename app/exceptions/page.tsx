// Stored exceptions of the request's cluster and their audit trail (cluster-wide viewers only;
// others get 404). Exceptions kept in Git as kube-posture.io/accept annotations show on their
// findings instead (see the README).
import Link from 'next/link';
import { DeleteExceptionButton, ExceptionForm } from '@/components/exceptions/ExceptionForm';
import { hasExpired } from '@/lib/posture/triage/accept-annotation';
import type { ExceptionScope } from '@/lib/posture/triage/exceptions';
import { FindingsTable } from '@/components/FindingsTable';
import { filterFindings } from '@/lib/posture/findings-query';
import { requireClusterIdentity } from '@/lib/server/auth/guard';
import { getPosture } from '@/lib/server/posture-service';
import { exceptionMaxDays, exceptionsFor, mayChangeExceptions } from '@/lib/server/exceptions-service';
import type { AuditEntry, StoredException } from '@/lib/snapshots/exceptions-store';

export const dynamic = 'force-dynamic';

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

function scopeText(s: ExceptionScope): string {
  if (s.type === 'object') return `${s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}`;
  if (s.type === 'namespace') return `namespace ${s.namespace}`;
  return `labels ${s.selector}${s.namespace ? ` in ${s.namespace}` : ''}`;
}

function change(a: AuditEntry): string {
  if (a.action !== 'update' || !a.before || !a.after) return scopeText((a.after ?? a.before)!.scope);
  const fields = (['checkId', 'reason', 'owner', 'expires'] as const).filter((k) => a.before![k] !== a.after![k]);
  const scope = JSON.stringify(a.before.scope) !== JSON.stringify(a.after.scope) ? ['scope'] : [];
  return [...fields.map((k) => `${k}: ${a.before![k]} → ${a.after![k]}`), ...scope.map(() => `scope → ${scopeText(a.after!.scope)}`)].join('; ');
}

export default async function ExceptionsPage() {
  const identity = await requireClusterIdentity();
  const access = exceptionsFor(identity);
  let list: StoredException[] = [];
  let trail: AuditEntry[] = [];
  let storeError: string | null = null;
  try {
    [list, trail] = await Promise.all([access.list(), access.audit()]);
  } catch (e) {
    storeError = (e as Error).message;
  }
  const { doc } = await getPosture(identity.cluster.spec);
  const triaged = (status: 'expected' | 'accepted') => (doc ? filterFindings(doc.findings, { status, sort: 'object', page: 1 }) : []);
  const [expected, accepted] = [triaged('expected'), triaged('accepted')];
  const now = new Date();
  const canChange = mayChangeExceptions(identity);
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
      <Link href="/" className="text-lg font-semibold">
        kube-posture
      </Link>
      <h1 className="text-xl font-semibold">Exceptions</h1>
      <p className="text-xs text-slate-700">
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
          <ExceptionForm maxDays={exceptionMaxDays()} />
        </section>
      )}
      <section aria-labelledby="stored" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="stored" className="mb-2 font-semibold">
          Stored exceptions ({list.length})
        </h2>
        {list.length === 0 ? (
          <p className="text-sm text-slate-700">None.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-xs text-slate-700">
                <th scope="col">Check</th>
                <th scope="col">Scope</th>
                <th scope="col">Owner</th>
                <th scope="col">Reason</th>
                <th scope="col">Expires</th>
                <th scope="col">Created by</th>
                {canChange && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id} className="border-t border-slate-100 align-top">
                  <td className="font-mono text-xs">{e.checkId}</td>
                  <td>{scopeText(e.scope)}</td>
                  <td>{e.owner}</td>
                  <td>{e.reason}</td>
                  <td>
                    {e.expires}
                    {hasExpired(e.expires, now) && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">expired</span>}
                  </td>
                  <td>{e.createdBy}</td>
                  {canChange && (
                    <td>
                      <DeleteExceptionButton id={e.id} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="accepted" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="accepted" className="mb-2 font-semibold">
          Accepted findings ({accepted.length})
        </h2>
        <FindingsTable findings={accepted.slice(0, 200)} caption="Findings accepted by an exception" />
      </section>
      <section aria-labelledby="expected" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="expected" className="mb-2 font-semibold">
          Expected by design ({expected.length})
        </h2>
        <p className="mb-2 text-xs text-slate-700">
          Findings of well-known system components on checks they fail on purpose (namespace, owner kind and images all matched). Off with{' '}
          <code className="font-mono">POSTURE_EXPECTED_CATALOGUE=off</code>.
        </p>
        <FindingsTable findings={expected.slice(0, 200)} caption="Findings expected by design" />
      </section>
      <section aria-labelledby="audit" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="audit" className="mb-2 font-semibold">
          Audit trail
        </h2>
        {trail.length === 0 ? (
          <p className="text-sm text-slate-700">No changes yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-xs text-slate-700">
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Check</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {trail.map((a) => (
                <tr key={a.id} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap">{when(a.at)}</td>
                  <td>{a.actor}</td>
                  <td>{a.action}</td>
                  <td className="font-mono text-xs">{(a.after ?? a.before)?.checkId}</td>
                  <td>{change(a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
