// Every check kube-posture runs, from the registry: the same catalogue as docs/checks.md.
// Server components: nothing here reaches the browser as script.
import Link from 'next/link';
import type { Check, Reference } from '@/lib/posture/check';
import { AREAS } from '@/lib/posture/areas';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';

const areaTitle = (id: string) => AREAS.find((a) => a.id === id)?.title ?? id;

function References({ references }: { references?: Reference[] }) {
  if (!references?.length) return null;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-0.5">
      {references.map((r) => (
        <li key={r.title}>
          {r.url ? (
            <a href={r.url} className="underline" rel="noreferrer">
              {r.title}
            </a>
          ) : (
            r.title
          )}
        </li>
      ))}
    </ul>
  );
}

function Breadcrumb({ current }: { current?: string }) {
  return (
    <nav className="text-xs text-slate-600" aria-label="Breadcrumb">
      <Link prefetch={false} href="/" className="hover:underline">
        Overview
      </Link>{' '}
      /{' '}
      {current ? (
        <>
          <Link prefetch={false} href="/checks" className="hover:underline">
            Checks
          </Link>{' '}
          / {current}
        </>
      ) : (
        'Checks'
      )}
    </nav>
  );
}

/** The catalogue: one row per check, in catalogue order. */
export function CheckCatalogue({ checks }: { checks: readonly Check[] }) {
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <Breadcrumb />
      <h1 className="text-xl font-semibold">Checks</h1>
      <p className="max-w-prose text-slate-700">
        Every check kube-posture runs ({checks.length}). Severity is the highest a finding of the check can have; a check that cannot read a kind it
        needs is reported as not assessed.
      </p>
      <table className="w-full border-collapse text-left text-xs">
        <caption className="sr-only">Every check, its area, severity, the kinds it reads and its references</caption>
        <thead className="bg-slate-100 text-slate-600">
          <tr>
            {['Check', 'Area', 'Severity', 'Needs', 'References'].map((h) => (
              <th key={h} scope="col" className="px-2 py-1.5 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 bg-white">
          {checks.map((c) => (
            <tr key={c.id} className="align-top" data-check={c.id}>
              <td className="px-2 py-1.5">
                <p className="font-medium text-slate-900">{c.title}</p>
                <p className="font-mono text-[11px]">
                  <Link prefetch={false} href={c.docs} className="text-slate-600 underline">
                    {c.id}
                  </Link>
                </p>
              </td>
              <td className="px-2 py-1.5">{areaTitle(c.area)}</td>
              <td className="px-2 py-1.5">
                <span className={`rounded px-1.5 py-0.5 font-semibold ${SEVERITY_BADGE[c.severity]}`}>{SEVERITY_LABEL[c.severity]}</span>
              </td>
              <td className="px-2 py-1.5 font-mono text-[11px]">{c.needs.join(', ')}</td>
              <td className="px-2 py-1.5">
                <References references={c.references} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

/** One check's page: what it looks for, what it reads, how to fix what it finds. */
export function CheckPage({ check }: { check: Check }) {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-4 p-4 sm:p-6">
      <Breadcrumb current={check.id} />
      <h1 className="text-xl font-semibold">{check.title}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5">
        <dt className="font-semibold text-slate-600">Id</dt>
        <dd className="font-mono">{check.id}</dd>
        <dt className="font-semibold text-slate-600">Area</dt>
        <dd>
          <Link prefetch={false} href={`/areas/${check.area}`} className="underline">
            {areaTitle(check.area)}
          </Link>
        </dd>
        <dt className="font-semibold text-slate-600">Severity</dt>
        <dd>
          <span className={`rounded px-1.5 py-0.5 font-semibold ${SEVERITY_BADGE[check.severity]}`}>{SEVERITY_LABEL[check.severity]}</span> at most
        </dd>
        <dt className="font-semibold text-slate-600">Needs</dt>
        <dd className="font-mono">{check.needs.join(', ')}</dd>
        {check.references?.length ? (
          <>
            <dt className="font-semibold text-slate-600">References</dt>
            <dd>
              <References references={check.references} />
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="remediation">
        <h2 id="remediation" className="font-semibold">
          Remediation
        </h2>
        <pre className="mt-1 whitespace-pre-wrap rounded border border-slate-200 bg-white p-3 font-mono text-xs text-slate-800">{check.remediation}</pre>
      </section>
    </main>
  );
}
