import type { CheckResult } from '@/lib/posture/types';

/** Checks that could not run, and why: they are neither passes nor failures. */
export function NotAssessed({ checks }: { checks: CheckResult[] }) {
  const skipped = checks.filter((c) => !c.assessed);
  if (skipped.length === 0) return null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="not-assessed">
      <details>
        <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-slate-500">
          <h2 id="not-assessed" className="inline">
            Not assessed ({skipped.length})
          </h2>
          <span className="ml-2 font-normal normal-case tracking-normal">checks the data could not support; they count neither for nor against the score</span>
        </summary>
        <ul className="mt-2 divide-y divide-slate-100">
          {skipped.map((c) => (
            <li key={c.id} className="py-1.5">
              <span className="font-medium text-slate-800">{c.title}</span> <span className="font-mono text-xs text-slate-500">{c.id}</span>
              <p className="text-xs text-slate-600">{c.reason}</p>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
