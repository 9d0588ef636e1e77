// The namespace table, worst first: the live page and a snapshot's (under its base path, see
// PostureLink) render the same view.
import { DefaultDeny, QuotaPresence } from '@/components/NamespaceGuards';
import { PodSecurityLevel } from '@/components/PodSecurityLevel';
import { PostureForm, PostureLink as Link } from '@/components/PostureLink';
import { ScoreMeter } from '@/components/ScoreMeter';
import { SeverityCounts } from '@/components/SeverityCounts';
import { listNamespaces, parseNamespaceListQuery, type NamespaceListQuery } from '@/lib/posture/namespace-list';
import type { PostureSource, SearchParams } from './source';
import { ViewPage } from './ViewPage';

function href(q: NamespaceListQuery, change: Partial<NamespaceListQuery>): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  if (next.sort !== 'score') p.set('sort', next.sort);
  if (next.page > 1) p.set('page', String(next.page));
  const s = p.toString();
  return `/namespaces${s ? `?${s}` : ''}`;
}

export function NamespacesView({ source, params }: { source: PostureSource; params: SearchParams }) {
  const { doc } = source;
  const query = parseNamespaceListQuery(params);
  const { rows, total, pages, page } = listNamespaces(doc.namespaces, query);
  const th = 'px-2 py-1.5 font-semibold';
  const sortLink = (sort: NamespaceListQuery['sort'], label: string) => (
    <Link
      href={href(query, { sort, page: 1 })}
      aria-current={query.sort === sort ? 'true' : undefined}
      className={query.sort === sort ? 'underline' : 'hover:underline'}
    >
      {label}
    </Link>
  );

  return (
    <ViewPage source={source}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h1 className="text-xl font-semibold">Namespaces</h1>
        <PostureForm action="/namespaces" className="flex items-end gap-2" aria-label="Filter namespaces">
          {query.sort !== 'score' && <input type="hidden" name="sort" value={query.sort} />}
          <label htmlFor="ns-q" className="sr-only">
            Name contains
          </label>
          <input
            id="ns-q"
            type="search"
            name="q"
            defaultValue={query.q ?? ''}
            placeholder="Filter by name…"
            className="rounded border border-slate-300 bg-white px-2 py-1 text-xs"
          />
          <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-xs font-semibold text-white">
            Filter
          </button>
        </PostureForm>
      </div>
      <p className="text-xs text-slate-600">
        {total} namespaces{query.q ? ` matching “${query.q}”` : ''}, worst first unless sorted otherwise.
      </p>
      <div className="overflow-x-auto rounded border border-slate-200 bg-white lg:overflow-visible">
        <table className="w-full border-collapse text-left text-xs">
          <caption className="sr-only">Namespaces and their posture</caption>
          <thead className="sticky top-0 bg-slate-100 text-slate-600">
            <tr>
              <th scope="col" className={th}>
                {sortLink('name', 'Namespace')}
              </th>
              <th scope="col" className={`${th} w-40`}>
                {sortLink('score', 'Score')}
              </th>
              <th scope="col" className={th}>
                {sortLink('critical', 'Findings')}
              </th>
              <th scope="col" className={th}>
                Pod Security
              </th>
              <th scope="col" className={`${th} text-right`}>
                NetworkPolicies
              </th>
              <th scope="col" className={th}>
                Default deny
              </th>
              <th scope="col" className={th}>
                Quota
              </th>
              <th scope="col" className={`${th} text-right`}>
                {sortLink('workloads', 'Workloads (pods)')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((n) => (
              <tr key={n.name} data-namespace={n.name} className="align-middle">
                <td className="px-2 py-1.5 font-mono">
                  <Link href={`/namespaces/${encodeURIComponent(n.name)}`} className="hover:underline">
                    {n.name}
                  </Link>
                </td>
                <td className="px-2 py-1.5">
                  <ScoreMeter score={n.score} label={`${n.name} score`} />
                </td>
                <td className="px-2 py-1.5">
                  <SeverityCounts counts={n.counts} href={(s) => `/findings?namespace=${encodeURIComponent(n.name)}&severity=${s}`} />
                </td>
                <td className="px-2 py-1.5">
                  <PodSecurityLevel podSecurity={n.podSecurity} />
                </td>
                <td
                  className={`px-2 py-1.5 text-right tabular-nums ${n.objects.networkPolicies === 0 && n.objects.workloads > 0 ? 'font-semibold text-red-800' : ''}`}
                >
                  {n.objects.networkPolicies}
                </td>
                <td className="px-2 py-1.5">
                  <DefaultDeny ns={n} />
                </td>
                <td className="px-2 py-1.5">
                  <QuotaPresence ns={n} />
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">
                  {n.objects.workloads} ({n.objects.pods})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="flex items-center gap-3 text-xs" aria-label="Pages">
          {page > 1 && <Link href={href(query, { page: page - 1 })}>← Previous</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={href(query, { page: page + 1 })}>Next →</Link>}
        </nav>
      )}
    </ViewPage>
  );
}
