// The namespace table, worst first: the live page and a snapshot's (under its base path, see
// PostureLink) render the same view.
import { DefaultDeny, QuotaPresence } from '@/components/NamespaceGuards';
import { PodSecurityLevel } from '@/components/PodSecurityLevel';
import { PostureForm, PostureLink as Link } from '@/components/PostureLink';
import { ScoreMeter } from '@/components/ScoreMeter';
import { SeverityCounts } from '@/components/SeverityCounts';
import { TableBox } from '@/components/TableBox';
import { listNamespaces, parseNamespaceListQuery, type NamespaceListQuery } from '@/lib/posture/namespace-list';
import { OwnerGroup, OwnerOptions, ownedBy } from '@/components/OwnerGroup';
import { groupByOwner, ownersOf } from '@/lib/posture/owner-groups';
import type { NamespaceSummary } from '@/lib/posture/types';
import type { ReactNode } from 'react';
import type { PostureSource, SearchParams } from './source';
import { ViewPage } from './ViewPage';

function href(q: NamespaceListQuery, change: Partial<NamespaceListQuery>): string {
  const next = { ...q, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  if (next.owner) p.set('owner', next.owner);
  if (next.group) p.set('group', next.group);
  if (next.sort !== 'score') p.set('sort', next.sort);
  if (next.page > 1) p.set('page', String(next.page));
  const s = p.toString();
  return `/namespaces${s ? `?${s}` : ''}`;
}

export function NamespacesView({ source, params }: { source: PostureSource; params: SearchParams }) {
  const { doc } = source;
  const query = parseNamespaceListQuery(params);
  const { rows, total, pages, page } = listNamespaces(doc.namespaces, query);
  const owners = ownersOf(doc.namespaces, (n) => n.owner);
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
        <PostureForm action="/namespaces" className="flex flex-wrap items-end gap-2" aria-label="Filter namespaces">
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
          <label htmlFor="ns-owner" className="sr-only">
            Owner
          </label>
          <select id="ns-owner" name="owner" defaultValue={query.owner ?? ''} className="max-w-48 rounded border border-slate-300 bg-white px-2 py-1 text-xs">
            <OwnerOptions owners={owners} all="All owners" />
          </select>
          <label htmlFor="ns-group" className="sr-only">
            Group
          </label>
          <select id="ns-group" name="group" defaultValue={query.group ?? ''} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs">
            <option value="">Not grouped</option>
            <option value="owner">Group by owner</option>
          </select>
          <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-xs font-semibold text-white">
            Filter
          </button>
        </PostureForm>
      </div>
      <p className="text-xs text-slate-600">
        {total} namespaces{query.q ? ` matching “${query.q}”` : ''}, worst first unless sorted otherwise.
      </p>
      {query.group === 'owner' ? (
        groupByOwner(rows, (n) => n.owner).map((g) => (
          <OwnerGroup key={g.owner ?? ''} owner={g.owner} count={g.rows.length}>
            <NamespaceTable rows={g.rows} sortLink={sortLink} caption={`Namespaces owned by ${ownedBy(g.owner)}`} />
          </OwnerGroup>
        ))
      ) : (
        <NamespaceTable rows={rows} sortLink={sortLink} caption="Namespaces and their posture" />
      )}
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

function NamespaceTable({
  rows,
  sortLink,
  caption,
}: {
  rows: NamespaceSummary[];
  sortLink: (sort: NamespaceListQuery['sort'], label: string) => ReactNode;
  caption: string;
}) {
  const th = 'px-2 py-1.5 font-semibold';
  return (
    <TableBox caption={caption} className="rounded border border-slate-200 bg-white lg:overflow-visible">
      <thead className="sticky top-0 bg-slate-100 text-slate-600">
        <tr>
          <th scope="col" className={th}>
            {sortLink('name', 'Namespace')}
          </th>
          <th scope="col" className={th}>
            Owner
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
              {n.owner ? (
                <Link href={`/namespaces?owner=${encodeURIComponent(n.owner)}`} className="hover:underline">
                  {n.owner}
                </Link>
              ) : (
                <span className="text-slate-400">—</span>
              )}
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
    </TableBox>
  );
}
