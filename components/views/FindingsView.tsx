// The findings of a posture, filtered and paged from the URL. Live, it offers the downloads
// (/api/findings serves only the live posture); a snapshot shows the same list without them.
import { FindingsFilters } from '@/components/FindingsFilters';
import { FindingsTable } from '@/components/FindingsTable';
import { PostureLink as Link } from '@/components/PostureLink';
import { filterFindings, findingsQueryString, PAGE_SIZE, parseFindingsQuery, type FindingsQuery } from '@/lib/posture/findings-query';
import { OwnerGroup, ownedBy } from '@/components/OwnerGroup';
import { groupByOwner } from '@/lib/posture/owner-groups';
import { isOpen } from '@/lib/posture/types';
import type { PostureSource, SearchParams } from './source';
import { ViewPage } from './ViewPage';

export function FindingsView({ source, params }: { source: PostureSource; params: SearchParams }) {
  const { doc, view } = source;
  const query = parseFindingsQuery(params);
  const matching = filterFindings(doc.findings, query);
  // Counts everywhere are of open findings, so the list is too; by-design and accepted ones are
  // listed after it (or alone, when the URL asks for their status).
  const all = query.status ? matching : matching.filter(isOpen);
  const triaged = query.status ? [] : matching.filter((f) => !isOpen(f));
  const openTotal = doc.findings.filter(isOpen).length;
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <ViewPage source={source}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Findings</h1>
        <p className="text-xs text-slate-600">
          {all.length} of {query.status ? doc.findings.length : openTotal} {query.status ? 'findings' : 'open findings'}
          {!view && <Downloads query={query} />}
        </p>
      </div>
      <FindingsFilters doc={doc} query={query} />
      {query.group === 'owner' ? (
        groupByOwner(shown, (f) => f.owner).map((g) => (
          <OwnerGroup key={g.owner ?? ''} owner={g.owner} count={g.rows.length}>
            <FindingsTable findings={g.rows} caption={`Findings owned by ${ownedBy(g.owner)}`} />
          </OwnerGroup>
        ))
      ) : (
        <FindingsTable findings={shown} caption="Findings matching the filter" />
      )}
      {triaged.length > 0 && page === pages && (
        <section aria-labelledby="findings-triaged" className="flex flex-col gap-2">
          <h2 id="findings-triaged" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
            By design or accepted ({triaged.length}): not counted
          </h2>
          <FindingsTable findings={triaged.slice(0, PAGE_SIZE)} caption="Not counted: by design or accepted" />
        </section>
      )}
      {pages > 1 && (
        <nav className="flex items-center gap-3 text-xs" aria-label="Pages">
          {page > 1 && <Link href={`/findings${findingsQueryString({ ...query, page: page - 1 })}`}>← Previous</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={`/findings${findingsQueryString({ ...query, page: page + 1 })}`}>Next →</Link>}
        </nav>
      )}
    </ViewPage>
  );
}

/** The filtered list, every page of it, as CSV or JSON. */
function Downloads({ query }: { query: FindingsQuery }) {
  const href = (format: 'csv' | 'json') => {
    const params = new URLSearchParams(findingsQueryString({ ...query, page: 1 }).slice(1));
    params.set('format', format);
    return `/api/findings?${params}`;
  };
  return (
    <>
      {' '}
      ·{' '}
      <a className="underline" href={href('csv')}>
        Download CSV
      </a>{' '}
      ·{' '}
      <a className="underline" href={href('json')}>
        Download JSON
      </a>
    </>
  );
}
