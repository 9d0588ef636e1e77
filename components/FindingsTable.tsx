import { PostureLink as Link } from './PostureLink';
import { objectHref } from '@/lib/posture/object-view';
import type { Finding } from '@/lib/posture/types';
import { Remediation } from './Remediation';
import { TriageMark } from './exceptions/TriageMark';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';
import { TableBox } from './TableBox';

/**
 * Findings as a dense table; each row opens to its remediation. The page scrolls, not a box
 * inside it (TableBox scroll="page"), so the sticky header stays in view down the whole list.
 */
export function FindingsTable({ findings, caption }: { findings: Finding[]; caption: string }) {
  if (findings.length === 0) return <p className="text-slate-500">No findings.</p>;
  // One object's page (the Object link filters to it): its fixes show without a click.
  const oneObject = new Set(findings.map((f) => `${f.resource.kind}/${f.resource.namespace ?? ''}/${f.resource.name}`)).size === 1;
  return (
    <TableBox caption={caption} scroll="page" className="rounded border border-slate-200">
      <thead className="sticky top-0 z-10 bg-slate-100 text-slate-600">
        <tr>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Severity
          </th>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Object
          </th>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Finding
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 bg-white">
        {findings.map((f, i) => (
          <tr key={`${f.checkId}/${f.resource.kind}/${f.resource.namespace}/${f.resource.name}/${i}`} className="align-top">
            <td className="px-2 py-1.5">
              <span className={`rounded px-1.5 py-0.5 font-semibold ${SEVERITY_BADGE[f.severity]}`}>{SEVERITY_LABEL[f.severity]}</span>
            </td>
            <td className="min-w-40 px-2 py-1.5 font-mono text-slate-800 [overflow-wrap:anywhere]">
              <span className="text-slate-500">{f.resource.kind}</span>{' '}
              {f.resource.namespace && (
                <>
                  <Link href={`/namespaces/${encodeURIComponent(f.resource.namespace)}`} className="underline decoration-slate-300 hover:decoration-slate-600">
                    {f.resource.namespace}
                  </Link>
                  /
                </>
              )}
              <Link
                href={objectHref(f.resource)}
                title="This object: its findings, attack paths and fixes"
                className="underline decoration-slate-300 hover:decoration-slate-600"
              >
                {f.resource.name}
              </Link>
              {f.owner && (
                <div className="font-sans text-[11px] text-slate-600">
                  owner{' '}
                  <Link href={`/findings?owner=${encodeURIComponent(f.owner)}`} className="underline decoration-slate-300 hover:decoration-slate-600">
                    {f.owner}
                  </Link>
                </div>
              )}
            </td>
            <td className="px-2 py-1.5">
              <details open={oneObject}>
                <summary className="cursor-pointer">
                  {/* The message says what is wrong; the title says what the check wants, so it follows as the rule failed. */}
                  <span className="font-medium text-slate-900">{f.message}</span> <span className="text-slate-500">— fails “{f.title}”</span>
                  <TriageMark finding={f} />
                </summary>
                <Remediation text={f.remediation} />
                <p className="mt-1 font-mono text-[11px] text-slate-600">{f.checkId}</p>
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </TableBox>
  );
}
