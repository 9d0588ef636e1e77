import { PostureLink as Link } from './PostureLink';
import type { SeverityCounts as Counts, Severity } from '@/lib/posture/types';
import { SEVERITIES } from '@/lib/posture/types';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';

// A zero is shown, muted, so rows never shift; slate-500 on white still reads (4.8:1).
const ZERO = 'bg-white text-slate-500 ring-1 ring-inset ring-slate-200';

/**
 * Counts by severity as labelled badges (colour and word, never colour alone).
 * Critical to low always show (a zero muted, so rows line up); info shows when there is any, so
 * the badges always add up to the total beside them.
 * With `href`, each non-zero count links to the findings behind it.
 * `grid` lays the counts out as equal cells, number over word, so they line up across cards
 * (four a row: an info cell starts a second row rather than squeezing the words).
 */
export function SeverityCounts({ counts, href, variant = 'inline' }: { counts: Counts; href?: (s: Severity) => string; variant?: 'inline' | 'grid' }) {
  const shown = SEVERITIES.filter((s) => s !== 'info' || counts.info > 0);
  const grid = variant === 'grid';
  return (
    <ul className={grid ? 'grid grid-cols-4 gap-1' : 'flex flex-wrap gap-1'} aria-label="Findings by severity">
      {shown.map((s) => {
        const n = counts[s];
        const label = grid ? (
          <>
            <span className="block text-sm font-semibold leading-tight">{n}</span>{' '}
            <span className="block text-[10px] font-medium leading-tight">{SEVERITY_LABEL[s]}</span>
          </>
        ) : (
          <>
            {n} {SEVERITY_LABEL[s]}
          </>
        );
        return (
          <li
            key={s}
            className={`rounded tabular-nums ${grid ? 'px-0.5 py-1 text-center' : 'px-1.5 py-0.5 text-xs font-medium'} ${n > 0 ? SEVERITY_BADGE[s] : ZERO}`}
            title={`${n} ${SEVERITY_LABEL[s].toLowerCase()}`}
          >
            {href && n > 0 ? (
              <Link href={href(s)} className={`hover:underline ${grid ? 'block' : ''}`}>
                {label}
              </Link>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ul>
  );
}
