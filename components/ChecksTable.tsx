import { checkDocsPath } from '@/lib/posture/check';
import type { CheckResult } from '@/lib/posture/types';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';
import { TableBox } from './TableBox';

const STATUS = {
  passed: { text: 'Passed', className: 'text-green-800', icon: '✓' },
  failed: { text: 'Failed', className: 'text-red-800', icon: '✕' },
  'not-assessed': { text: 'Not assessed', className: 'text-slate-500', icon: '–' },
} as const;

/**
 * What a check's findings can be rated: one severity, or the range from its lowest to its
 * highest (coloured by the highest), so the column never says "High" over critical findings.
 */
export function CheckSeverity({ check }: { check: Pick<CheckResult, 'severity' | 'severityRange'> }) {
  const [lowest, highest] = check.severityRange ?? [check.severity, check.severity];
  const text = lowest === highest ? SEVERITY_LABEL[highest] : `${SEVERITY_LABEL[lowest]}–${SEVERITY_LABEL[highest]}`;
  return (
    <span
      className={`whitespace-nowrap rounded px-1.5 py-0.5 font-semibold ${SEVERITY_BADGE[highest]}`}
      title={lowest === highest ? undefined : `Findings from ${lowest} to ${highest}, by what each one exposes`}
    >
      {text}
    </span>
  );
}

/** Every check of an area with its outcome; a check that could not run says why. */
export function ChecksTable({ checks }: { checks: CheckResult[] }) {
  return (
    // Scrolls inside its box on a phone: the severity ranges and names would widen the page.
    <TableBox caption="Checks and their results">
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Result
          </th>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Check
          </th>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Severity
          </th>
          <th scope="col" className="px-2 py-1.5 text-right font-semibold">
            Findings
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {checks.map((c) => {
          const status = !c.assessed ? 'not-assessed' : c.findings > 0 ? 'failed' : 'passed';
          const s = STATUS[status];
          return (
            <tr key={c.id} className="align-top" data-check={c.id} data-status={status}>
              <td className={`whitespace-nowrap px-2 py-1.5 font-semibold ${s.className}`}>
                <span aria-hidden>{s.icon}</span> {s.text}
              </td>
              <td className="px-2 py-1.5">
                <p className="font-medium text-slate-900">{c.title}</p>
                <p className="font-mono text-[11px] text-slate-500">
                  <a href={checkDocsPath(c.id)} className="text-slate-600 underline">
                    {c.id}
                  </a>
                </p>
                {!c.assessed && <p className="mt-0.5 text-slate-600">{c.reason}</p>}
                {c.notAssessedFor && c.notAssessedFor.length > 0 && (
                  <p className="mt-0.5 text-slate-600" data-not-assessed-for={c.notAssessedFor.length}>
                    Not assessed for {c.notAssessedFor.length} object{c.notAssessedFor.length === 1 ? '' : 's'} (
                    {c.notAssessedFor
                      .slice(0, 3)
                      .map((o) => `${o.resource.kind} ${o.resource.namespace ? `${o.resource.namespace}/` : ''}${o.resource.name}`)
                      .join(', ')}
                    {c.notAssessedFor.length > 3 ? ', …' : ''}): {c.notAssessedFor[0]!.reason}
                  </p>
                )}
              </td>
              <td className="px-2 py-1.5">
                <CheckSeverity check={c} />
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{c.assessed ? c.findings : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </TableBox>
  );
}
