import { PostureLink as Link } from './PostureLink';
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
      <SeverityCounts variant="grid" counts={area.counts} href={(s) => `/findings?area=${area.id}&severity=${s}`} />
      <p className="flex flex-wrap gap-x-1.5 text-xs text-slate-600" aria-label="Checks">
        <span className="whitespace-nowrap">
          <span className="tabular-nums">{checks.passed}</span> passed ·
        </span>{' '}
        <span className="whitespace-nowrap">
          <span className="tabular-nums">{checks.failed}</span> failed ·
        </span>{' '}
        <span className={`whitespace-nowrap ${checks.notAssessed > 0 ? 'font-medium text-slate-800' : ''}`}>
          <span className="tabular-nums">{checks.notAssessed}</span> not assessed
        </span>
      </p>
      {coverage && (
        <div className="mt-auto border-t border-slate-100 pt-2 text-xs text-slate-600">
          {coverage.tools.length > 0 && (
            <ul className="space-y-0.5" aria-label="Tools found">
              {coverage.tools.map((t) => (
                <li key={t.name + t.evidence} title={t.evidence}>
                  <span className="font-medium text-slate-800">{t.name}</span> — {t.role}
                </li>
              ))}
            </ul>
          )}
          {coverage.status !== 'covered' && (coverage.suggestion || coverage.tools.length === 0) && (
            <p className={coverage.tools.length > 0 ? 'mt-1' : ''}>{coverage.suggestion ?? 'No tool found.'}</p>
          )}
        </div>
      )}
    </article>
  );
}
