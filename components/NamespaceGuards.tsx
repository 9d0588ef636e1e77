// Whether a namespace has the guards the namespaces table lists: a default-deny NetworkPolicy
// and a ResourceQuota. Said in words, colour only underlines it.
import type { NamespaceSummary } from '@/lib/posture/types';

/** "ingress + egress", "ingress only", "egress only", "none", or "unknown" (not read, or an older document). */
export function defaultDenyText(d: NamespaceSummary['defaultDeny']): string {
  if (!d) return 'unknown';
  if (d.ingress && d.egress) return 'ingress + egress';
  if (d.ingress) return 'ingress only';
  if (d.egress) return 'egress only';
  return 'none';
}

export function DefaultDeny({ ns }: { ns: Pick<NamespaceSummary, 'defaultDeny' | 'objects'> }) {
  const text = defaultDenyText(ns.defaultDeny);
  // Missing isolation matters only where something runs.
  const bad = text === 'none' && ns.objects.workloads > 0;
  return <span className={bad ? 'font-semibold text-red-800' : text === 'unknown' ? 'text-slate-500' : ''}>{text}</span>;
}

export function QuotaPresence({ ns }: { ns: Pick<NamespaceSummary, 'objects'> }) {
  const { resourceQuotas, limitRanges, workloads } = ns.objects;
  return (
    <span>
      <span className={resourceQuotas === 0 && workloads > 0 ? 'font-semibold text-red-800' : ''}>{resourceQuotas > 0 ? 'yes' : 'no'}</span>
      <span className="text-slate-500"> · LimitRange {limitRanges > 0 ? 'yes' : 'no'}</span>
    </span>
  );
}
