import type { PostureDocument } from '@/lib/posture/types';

const LABEL = { live: 'Live', manifests: 'Manifests', demo: 'Demo' } as const;
const STYLE = { live: 'bg-emerald-100 text-emerald-900', manifests: 'bg-sky-100 text-sky-900', demo: 'bg-violet-100 text-violet-900' } as const;

/** Where the posture came from: a live context, a folder of files, or the embedded demo. */
export function SourceBadge({ cluster }: { cluster: PostureDocument['cluster'] }) {
  return (
    <span className="inline-flex items-center gap-2" data-source={cluster.source}>
      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STYLE[cluster.source]}`}>{LABEL[cluster.source]}</span>
      <span className="font-mono text-xs text-slate-700">{cluster.name}</span>
      {cluster.version && <span className="text-xs text-slate-500">{cluster.version}</span>}
    </span>
  );
}
