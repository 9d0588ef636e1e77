import type { Finding } from '@/lib/posture/types';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';

/** Findings as a dense table; each row opens to its remediation. */
export function FindingsTable({ findings, caption }: { findings: Finding[]; caption: string }) {
  if (findings.length === 0) return <p className="text-slate-500">No findings.</p>;
  return (
    <div className="max-h-[70vh] overflow-auto rounded border border-slate-200">
      <table className="w-full border-collapse text-left text-xs">
        <caption className="sr-only">{caption}</caption>
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
                <span className="text-slate-500">{f.resource.kind}</span> {f.resource.namespace ? `${f.resource.namespace}/` : ''}
                {f.resource.name}
              </td>
              <td className="px-2 py-1.5">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-medium text-slate-900">{f.title}</span> — <span className="text-slate-700">{f.message}</span>
                  </summary>
                  <p className="mt-1 rounded bg-slate-50 p-2 text-slate-700">
                    <span className="font-semibold">Fix: </span>
                    {f.remediation}
                  </p>
                  <p className="mt-1 font-mono text-[11px] text-slate-400">{f.checkId}</p>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
