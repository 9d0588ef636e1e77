// The findings page of a stored snapshot: the same filters and table as the live page, under
// the snapshot's base path, with no live downloads.
import { AppHeader, type SnapshotView } from '@/components/AppHeader';
import { FindingsFilters } from '@/components/FindingsFilters';
import { FindingsTable } from '@/components/FindingsTable';
import { PostureBase, PostureLink as Link } from '@/components/PostureLink';
import { filterFindings, findingsQueryString, PAGE_SIZE, parseFindingsQuery } from '@/lib/posture/findings-query';
import type { PostureDocument } from '@/lib/posture/types';

export function SnapshotFindings({
  doc,
  snapshot,
  base,
  params,
}: {
  doc: PostureDocument;
  snapshot: SnapshotView;
  base: string;
  params: Record<string, string | string[] | undefined>;
}) {
  const query = parseFindingsQuery(params);
  const all = filterFindings(doc.findings, query);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <PostureBase base={base}>
      <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
        <AppHeader doc={doc} snapshot={snapshot} />
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold">Findings</h1>
          <p className="text-xs text-slate-600">
            {all.length} of {doc.findings.length} findings
          </p>
        </div>
        <FindingsFilters doc={doc} query={query} base={base} />
        <FindingsTable findings={shown} caption="Findings matching the filter" />
        {pages > 1 && (
          <nav className="flex items-center gap-3 text-xs" aria-label="Pages">
            {page > 1 && <Link href={`/findings${findingsQueryString({ ...query, page: page - 1 })}`}>← Previous</Link>}
            <span>
              Page {page} of {pages}
            </span>
            {page < pages && <Link href={`/findings${findingsQueryString({ ...query, page: page + 1 })}`}>Next →</Link>}
          </nav>
        )}
      </div>
    </PostureBase>
  );
}
