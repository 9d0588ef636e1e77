import type { NamespaceSummary } from '@/lib/posture/types';

const STYLE: Record<string, string> = {
  restricted: 'bg-green-100 text-green-900',
  baseline: 'bg-sky-100 text-sky-900',
  privileged: 'bg-red-100 text-red-900',
};

/** A namespace's enforced Pod Security level; an unlabelled namespace says so. */
export function PodSecurityLevel({ podSecurity }: { podSecurity: NamespaceSummary['podSecurity'] }) {
  if (!podSecurity) return <span className="text-slate-600">unknown</span>;
  if (!podSecurity.labelled) return <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">no label</span>;
  return (
    <span className={`rounded px-1.5 py-0.5 ${STYLE[podSecurity.level] ?? ''}`}>
      {podSecurity.level}
      {podSecurity.version !== 'latest' && <span> {podSecurity.version}</span>}
    </span>
  );
}
