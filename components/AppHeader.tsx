import Link from 'next/link';
import type { PostureDocument } from '@/lib/posture/types';
import { ContextPicker } from './ContextPicker';
import { RescanButton } from './RescanButton';
import { ScanAge } from './ScanAge';
import { SourceBadge } from './SourceBadge';

/** The bar on every page: where the posture comes from and how old it is. */
export function AppHeader({ doc }: { doc: Pick<PostureDocument, 'cluster' | 'generatedAt'> }) {
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
        </nav>
      </div>
      <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
        <ContextPicker />
        <ScanAge at={doc.generatedAt} />
        <RescanButton />
      </div>
    </header>
  );
}
