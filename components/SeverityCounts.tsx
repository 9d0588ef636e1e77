import Link from 'next/link';
import type { SeverityCounts as Counts, Severity } from '@/lib/posture/types';
import { SEVERITIES } from '@/lib/posture/types';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';

/**
 * Counts by severity as labelled badges; zero counts are shown muted so the row never shifts.
 * With `href`, each non-zero count links to the findings behind it.
 */
export function SeverityCounts({ counts, showInfo = false, href }: { counts: Counts; showInfo?: boolean; href?: (s: Severity) => string }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Findings by severity">
      {SEVERITIES.filter((s) => showInfo || s !== 'info').map((s) => (
        <li
          key={s}
          className={`rounded px-1.5 py-0.5 text-xs font-medium tabular-nums ${counts[s] > 0 ? SEVERITY_BADGE[s] : 'bg-slate-100 text-slate-400'}`}
          title={`${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`}
        >
          {href && counts[s] > 0 ? (
            <Link href={href(s)} className="hover:underline">
              {counts[s]} {SEVERITY_LABEL[s]}
            </Link>
          ) : (
            <>
              {counts[s]} {SEVERITY_LABEL[s]}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
