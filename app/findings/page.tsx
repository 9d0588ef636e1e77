import Link from 'next/link';
import { AppHeader } from '@/components/AppHeader';
import { FindingsFilters } from '@/components/FindingsFilters';
import { FindingsTable } from '@/components/FindingsTable';
import { filterFindings, findingsQueryString, PAGE_SIZE, parseFindingsQuery } from '@/lib/posture/findings-query';
import { requirePosture } from '@/lib/server/auth/viewer-posture';

export const dynamic = 'force-dynamic';

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = parseFindingsQuery(await searchParams);
  const { doc } = await requirePosture();
  const all = filterFindings(doc.findings, query);
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const download = (format: 'csv' | 'json') => {
    const params = new URLSearchParams(findingsQueryString({ ...query, page: 1 }).slice(1));
    params.set('format', format);
    return `/api/findings?${params}`;
  };

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <AppHeader doc={doc} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold">Findings</h1>
        <p className="text-xs text-slate-600">
          {all.length} of {doc.findings.length} findings ·{' '}
          <a className="underline" href={download('csv')}>
            Download CSV
          </a>{' '}
          ·{' '}
          <a className="underline" href={download('json')}>
            Download JSON
          </a>
        </p>
      </div>
      <FindingsFilters doc={doc} query={query} />
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
  );
}
