import { topRisks } from '@/lib/posture/top-risks';
import type { Finding } from '@/lib/posture/types';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';

/** The few findings that matter most (see topRisks). */
export function TopRisks({ findings, limit = 8 }: { findings: Finding[]; limit?: number }) {
  const top = topRisks(findings, limit);
  if (top.length === 0) return <p className="text-slate-500">No findings.</p>;
  return (
    <ol className="divide-y divide-slate-100" aria-label="Top risks">
      {top.map((f, i) => (
        <li key={`${f.checkId}/${f.resource.kind}/${f.resource.namespace}/${f.resource.name}/${i}`} className="flex flex-col gap-1 py-2 sm:flex-row sm:gap-3">
          <span className={`h-fit w-fit shrink-0 rounded px-1.5 py-0.5 text-center text-xs font-semibold sm:min-w-16 ${SEVERITY_BADGE[f.severity]}`}>
            {SEVERITY_LABEL[f.severity]}
          </span>
          <div className="min-w-0">
            <p className="font-medium text-slate-900">{f.title}</p>
            <p
              className="font-mono text-xs text-slate-700 [overflow-wrap:anywhere]"
              title={`${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name}`}
            >
              {f.resource.kind} {f.resource.namespace ? `${f.resource.namespace}/` : ''}
              {f.resource.name}
            </p>
            <p className="text-xs text-slate-600">{f.message}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
