import { scoreBand } from '@/lib/posture/scoring';

const BAND_TEXT = { poor: 'text-band-poor', fair: 'text-band-fair', good: 'text-band-good' } as const;
const BAND_BAR = { poor: 'bg-band-poor', fair: 'bg-band-fair', good: 'bg-band-good' } as const;

/** A score as a number first, then its band in words, then a bar. */
export function ScoreMeter({ score, size = 'md', label }: { score: number | null; size?: 'md' | 'lg'; label: string }) {
  if (score === null) {
    return (
      <div aria-label={`${label}: not assessed`}>
        <span className="text-lg font-semibold text-slate-600">Not assessed</span>
      </div>
    );
  }
  const band = scoreBand(score);
  return (
    <div aria-label={`${label}: ${score} out of 100, ${band}`} data-score={score}>
      <div className="flex items-baseline gap-2">
        <span className={`${size === 'lg' ? 'text-5xl' : 'text-2xl'} font-semibold tabular-nums ${BAND_TEXT[band]}`}>{score}</span>
        <span className="text-xs text-slate-500">/ 100</span>
        <span className={`text-xs font-semibold uppercase tracking-wide ${BAND_TEXT[band]}`}>{band}</span>
      </div>
      <div className={`mt-1 h-1.5 w-full rounded-full bg-slate-200 ${size === 'lg' ? 'max-w-64' : ''}`} aria-hidden>
        <div className={`h-1.5 rounded-full ${BAND_BAR[band]}`} style={{ width: `${score}%` }} />
      </div>
    </div>
  );
}
