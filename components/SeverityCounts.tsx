import type { SeverityCounts as Counts } from '@/lib/posture/types';
import { SEVERITIES } from '@/lib/posture/types';
import { SEVERITY_BADGE, SEVERITY_LABEL } from './severity';

/** Counts by severity as labelled badges; zero counts are shown muted so the row never shifts. */
export function SeverityCounts({ counts, showInfo = false }: { counts: Counts; showInfo?: boolean }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Findings by severity">
      {SEVERITIES.filter((s) => showInfo || s !== 'info').map((s) => (
        <li
          key={s}
          className={`rounded px-1.5 py-0.5 text-xs font-medium tabular-nums ${counts[s] > 0 ? SEVERITY_BADGE[s] : 'bg-slate-100 text-slate-400'}`}
          title={`${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}`}
        >
          {counts[s]} {SEVERITY_LABEL[s]}
        </li>
      ))}
    </ul>
  );
}
