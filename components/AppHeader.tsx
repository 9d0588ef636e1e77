import type { PostureDocument } from '@/lib/posture/types';
import { ContextPicker } from './ContextPicker';
import { LiveRefresh } from './LiveRefresh';
import { PostureLink as Link } from './PostureLink';
import { RescanButton } from './RescanButton';
import { ScanAge } from './ScanAge';
import { SourceBadge } from './SourceBadge';

/** A stored snapshot shown read-only: dated, with no rescan; `shared` hides every way to live data. */
export interface SnapshotView {
  takenAt: string;
  label: string | null;
  shared?: boolean;
}

/** The bar on every page: where the posture comes from and how old it is. */
export function AppHeader({
  doc,
  snapshot,
}: {
  doc: Pick<PostureDocument, 'cluster' | 'generatedAt'> & Partial<Pick<PostureDocument, 'view'>>;
  snapshot?: SnapshotView;
}) {
  if (snapshot) return <SnapshotHeader doc={doc} snapshot={snapshot} />;
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href="/" className="text-lg font-semibold tracking-tight hover:underline">
          kube-posture
        </Link>
        <SourceBadge cluster={doc.cluster} />
        <nav aria-label="Main" className="flex gap-3 text-xs text-slate-600">
          <Link href="/" className="hover:underline">
            Overview
          </Link>
          <Link href="/namespaces" className="hover:underline">
            Namespaces
          </Link>
          <Link href="/findings" className="hover:underline">
            Findings
          </Link>
          <Link href="/snapshots" className="hover:underline">
            Snapshots
          </Link>
        </nav>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
        <ContextPicker />
        <ScanAge at={doc.generatedAt} />
        <RescanButton />
        <LiveRefresh generatedAt={doc.generatedAt} />
      </div>
      {doc.view && (
        // lib/posture/view-filter.ts: this viewer's namespaces only; cluster-wide scores withheld.
        <p className="w-full text-xs text-slate-600" role="note" data-testid="restricted-view">
          Showing the namespaces you may see ({doc.view.restrictedTo.join(', ') || 'none'}); cluster-wide scores are hidden.
        </p>
      )}
    </header>
  );
}

function SnapshotHeader({ doc, snapshot }: { doc: Pick<PostureDocument, 'cluster' | 'generatedAt'>; snapshot: SnapshotView }) {
  const taken = snapshot.takenAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  return (
    <header className="flex flex-col gap-2 border-b border-slate-200 pb-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="text-lg font-semibold tracking-tight">kube-posture</span>
        <SourceBadge cluster={doc.cluster} />
        <nav aria-label="Snapshot" className="flex gap-3 text-xs text-slate-600">
          <Link href="/" className="hover:underline">
            Overview
          </Link>
          <Link href="/namespaces" className="hover:underline">
            Namespaces
          </Link>
          <Link href="/findings" className="hover:underline">
            Findings
          </Link>
          {!snapshot.shared && (
            <a href="/snapshots" className="hover:underline">
              All snapshots
            </a>
          )}
        </nav>
      </div>
      <p className="rounded border border-indigo-200 bg-indigo-50 px-3 py-2 text-indigo-950" role="note" data-testid="snapshot-banner">
        Snapshot taken <time dateTime={snapshot.takenAt}>{taken}</time>
        {snapshot.label ? <> · {snapshot.label}</> : null}, read-only.
      </p>
    </header>
  );
}
