import type { CoverageStatus } from '@/lib/posture/types';

const STYLE: Record<CoverageStatus, { text: string; className: string; icon: string }> = {
  covered: { text: 'Covered', className: 'bg-green-100 text-green-800 ring-green-600/30', icon: '✓' },
  partial: { text: 'Partial', className: 'bg-amber-100 text-amber-900 ring-amber-600/30', icon: '◐' },
  'not-covered': { text: 'Not covered', className: 'bg-red-100 text-red-800 ring-red-600/30', icon: '✕' },
};

export function CoverageBadge({ status }: { status: CoverageStatus }) {
  const s = STYLE[status];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${s.className}`}
      data-coverage={status}
    >
      <span aria-hidden>{s.icon}</span>
      {s.text}
    </span>
  );
}
