// A finding's triage, said next to it: by design (which component, and the source), accepted
// (by whom, until when), or an exception that ran out. Nothing for an ordinary open finding.
import type { Finding } from '@/lib/posture/types';

export function TriageMark({ finding: f }: { finding: Finding }) {
  if (f.accepted)
    return (
      <span className="ml-1 rounded bg-slate-100 px-1 text-slate-800" title={`${f.accepted.reason} (owner ${f.accepted.owner}, ${f.accepted.source})`}>
        accepted until {f.accepted.expires} by {f.accepted.by}
      </span>
    );
  if (f.expected)
    return (
      <span className="ml-1 rounded bg-slate-100 px-1 text-slate-800" title={`${f.expected.reason} Source: ${f.expected.source}`}>
        by design: {f.expected.component}
      </span>
    );
  if (f.expiredException)
    return <span className="ml-1 rounded bg-amber-100 px-1 text-amber-900">exception expired {f.expiredException.expires}</span>;
  return null;
}
