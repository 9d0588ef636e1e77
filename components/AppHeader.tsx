import NextLink from 'next/link';
import type { PostureDocument } from '@/lib/posture/types';
import { ContextPicker } from './ContextPicker';
import { LiveRefresh } from './LiveRefresh';
import { PostureLink as Link } from './PostureLink';
import { RescanButton } from './RescanButton';
import { ScanAge } from './ScanAge';
import { scanTimeIfDifferent, utcTime } from './snapshot-time';
import { SourceBadge } from './SourceBadge';

/** A stored snapshot shown read-only: dated, with no rescan; `shared` hides every way to live data. */
export interface SnapshotView {
  /** When the scan it holds ran (the document's generatedAt). */
  takenAt: string;
  /** When the snapshot was stored; absent only from callers that do not know it. */
  createdAt?: string;
  label: string | null;
  shared?: boolean;
  /** An agent's report on the hub (/fleet/<cluster>), not a snapshot taken here. */
  report?: boolean;
}

type HeaderDoc = Pick<PostureDocument, 'cluster' | 'generatedAt'> & Partial<Pick<PostureDocument, 'view'>>;

/**
 * The bar on every page: the main navigation, where the posture comes from and how old it is.
 * Live, it carries the context picker and rescan; a snapshot gets a read-only banner instead,
 * and its links stay under the snapshot's base (PostureLink). `doc` is null where no posture
 * is loaded (the snapshot list or compare page before the first scan).
 */
export function AppHeader({ doc, snapshot }: { doc: HeaderDoc | null; snapshot?: SnapshotView }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href="/" className="text-lg font-semibold tracking-tight hover:underline">
          kube-posture
        </Link>
        {doc && <SourceBadge cluster={doc.cluster} />}
        {/* The main pages are where a viewer goes next: prefetched (links in views are not, PostureLink). */}
        <nav aria-label="Main" className="flex gap-3 text-xs text-slate-600">
          <Link href="/" prefetch={null} className="hover:underline">
            Overview
          </Link>
          <Link href="/namespaces" prefetch={null} className="hover:underline">
            Namespaces
          </Link>
          <Link href="/findings" prefetch={null} className="hover:underline">
            Findings
          </Link>
          <Link href="/attack-paths" className="hover:underline">
            Attack paths
          </Link>
          {/* Outside any snapshot's base; a share link leads nowhere else. */}
          {!snapshot?.shared && !snapshot?.report && (
            <NextLink href="/snapshots" className="hover:underline">
              {snapshot ? 'All snapshots' : 'Snapshots'}
            </NextLink>
          )}
          {!snapshot && (
            <NextLink href="/exceptions" className="hover:underline">
              Exceptions
            </NextLink>
          )}
          {snapshot?.report && (
            <NextLink href="/fleet" className="hover:underline">
              Fleet
            </NextLink>
          )}
        </nav>
      </div>
      {!snapshot && (
        <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
          <ContextPicker />
          {doc && <ScanAge at={doc.generatedAt} />}
          <RescanButton />
          {doc && <LiveRefresh generatedAt={doc.generatedAt} />}
        </div>
      )}
      {snapshot && <SnapshotBanner snapshot={snapshot} />}
      {doc?.view && (
        // lib/posture/view-filter.ts: this viewer's namespaces only; cluster-wide scores withheld.
        <p className="w-full text-xs text-slate-600" role="note" data-testid="restricted-view">
          Showing the namespaces you may see ({doc.view.restrictedTo.join(', ') || 'none'}); cluster-wide scores are hidden.
        </p>
      )}
    </header>
  );
}

/** When the snapshot was stored, and the scan's own time beside it when that differs. */
function SnapshotBanner({ snapshot }: { snapshot: SnapshotView }) {
  const stored = snapshot.createdAt ?? snapshot.takenAt;
  const scan = scanTimeIfDifferent(stored, snapshot.takenAt);
  return (
    <p className="w-full rounded border border-indigo-200 bg-indigo-50 px-3 py-2 text-indigo-950" role="note" data-testid="snapshot-banner">
      {snapshot.report ? 'Report received' : 'Snapshot taken'} <time dateTime={stored}>{utcTime(stored)}</time>
      {scan && (
        <>
          {' '}
          (of the scan at <time dateTime={snapshot.takenAt}>{scan}</time>)
        </>
      )}
      {snapshot.label ? <> · {snapshot.label}</> : null}, read-only.
    </p>
  );
}
