import Link from 'next/link';
import type { AreaSummary } from '@/lib/posture/types';
import { CoverageBadge } from './CoverageBadge';
import { ScoreMeter } from './ScoreMeter';
import { SeverityCounts } from './SeverityCounts';

export function AreaCard({ area }: { area: AreaSummary }) {
  const { checks, coverage } = area;
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`area-${area.id}`} data-area={area.id}>
      <header className="flex items-start justify-between gap-2">
        <h3 id={`area-${area.id}`} className="font-semibold leading-snug text-slate-900">
          <Link href={`/areas/${area.id}`} className="hover:underline">
            {area.title}
          </Link>
        </h3>
        {coverage && <CoverageBadge status={coverage.status} />}
      </header>
      <ScoreMeter score={area.score} label={`${area.title} score`} />
      <SeverityCounts counts={area.counts} href={(s) => `/findings?area=${area.id}&severity=${s}`} />
      <p className="text-xs text-slate-500">
        {checks.passed} passed · {checks.failed} failed{checks.notAssessed > 0 ? ` · ${checks.notAssessed} not assessed` : ''}
      </p>
      {coverage && (
        <div className="border-t border-slate-100 pt-2 text-xs text-slate-600">
          {coverage.tools.length > 0 ? (
            <ul className="space-y-0.5">
              {coverage.tools.map((t) => (
                <li key={t.name + t.evidence} title={t.evidence}>
                  <span className="font-medium text-slate-800">{t.name}</span> — {t.role}
                </li>
              ))}
            </ul>
          ) : (
            <p>{coverage.suggestion ?? 'No tool found.'}</p>
          )}
        </div>
      )}
    </article>
  );
}
