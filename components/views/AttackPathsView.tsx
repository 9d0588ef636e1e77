// The attack paths of a posture: counts per target, the changes to make first, every path the
// document keeps grouped by target and filtered by foothold kind and namespace, and the selected
// path drawn. Live, snapshot and share pages render this view; the filter and the selection live
// in the URL, so a link shows the same path.
import { AttackPathDiagram } from '@/components/AttackPathDiagram';
import { PostureForm, PostureLink as Link } from '@/components/PostureLink';
import {
  byTarget,
  filterPaths,
  FOOTHOLD_LABEL,
  listPaths,
  parsePathsQuery,
  startNamespace,
  TARGET_LABEL,
  type PathsQuery,
} from '@/lib/posture/attack-paths-list';
import { objectHref } from '@/lib/posture/object-view';
import { ATTACK_TARGETS, FOOTHOLD_KINDS } from '@/lib/posture/types';
import type { PostureSource, SearchParams } from './source';
import { ViewPage } from './ViewPage';

const SECTION = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
const H2 = 'mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500';
const FIELD = 'rounded border border-slate-300 bg-white px-2 py-1 text-xs';

const hrefFor = (q: PathsQuery, path?: string) => {
  const p = new URLSearchParams();
  if (q.foothold) p.set('foothold', q.foothold);
  if (q.namespace) p.set('namespace', q.namespace);
  if (path) p.set('path', path);
  const s = p.toString();
  return `/attack-paths${s ? `?${s}` : ''}`;
};

export function AttackPathsView({ source, params }: { source: PostureSource; params: SearchParams }) {
  const { doc } = source;
  const ap = doc.attackPaths;
  const q = parsePathsQuery(params);
  const all = listPaths(ap);
  const shown = filterPaths(all, q);
  const groups = byTarget(shown);
  // The path asked for, even when the filter hides it (a link from an object page); else the first listed.
  const selected = (q.path ? all.find((p) => p.id === q.path) : undefined) ?? groups[0]?.paths[0];
  const namespaces = [...new Set(all.map((p) => startNamespace(p.path)).filter((n): n is string => n !== null))].sort();

  return (
    <ViewPage source={source}>
      <section className={SECTION} aria-labelledby="paths-title">
        <h1 id="paths-title" className="text-xl font-semibold">
          Attack paths
        </h1>
        {!ap ? (
          <p className="text-slate-600">This posture has no attack-path analysis (it was taken before there was one).</p>
        ) : (
          <>
            <p className="mt-1 text-xs text-slate-600">
              From each foothold, the shortest path to each kind of target. All are counted; the posture keeps the shortest {''}
              few per target and those the changes to make first cut.
            </p>
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-xs" aria-label="Paths per target">
              {ATTACK_TARGETS.map((t) => (
                <div key={t} className="flex flex-col">
                  <dt className="text-slate-500">to {TARGET_LABEL[t]}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{ap.counts[t]}</dd>
                </div>
              ))}
            </dl>
            {ap.incomplete && <p className="mt-2 text-xs text-amber-800">Incomplete: {ap.incomplete.join('; ')}</p>}
          </>
        )}
      </section>

      {ap && ap.fixFirst.length > 0 && (
        <section className={SECTION} aria-labelledby="paths-fix-first">
          <h2 id="paths-fix-first" className={H2}>
            Changes to make first
          </h2>
          <ol className="flex list-decimal flex-col gap-1 pl-5 text-xs">
            {ap.fixFirst.map((f, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                <Link href={objectHref(f.object)} className="font-mono underline">
                  {f.object.kind} {f.object.namespace ? `${f.object.namespace}/` : ''}
                  {f.object.name}
                </Link>
                : {f.change}{' '}
                <span className="text-slate-500">
                  (cuts {f.removes['cluster-admin']} to cluster-admin, {f.removes.node} to nodes)
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {ap && (
        <PostureForm
          action="/attack-paths"
          className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
          aria-label="Filter attack paths"
        >
          <div className="flex flex-col gap-0.5">
            <label htmlFor="paths-foothold" className="text-[11px] font-medium text-slate-600">
              Foothold
            </label>
            <select id="paths-foothold" name="foothold" defaultValue={q.foothold ?? ''} className={FIELD}>
              <option value="">Any</option>
              {FOOTHOLD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {FOOTHOLD_LABEL[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-0.5">
            <label htmlFor="paths-namespace" className="text-[11px] font-medium text-slate-600">
              Starts in namespace
            </label>
            <select id="paths-namespace" name="namespace" defaultValue={q.namespace ?? ''} className={FIELD}>
              <option value="">Any</option>
              {namespaces.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-xs font-semibold text-white hover:bg-slate-700">
            Apply
          </button>
          <Link href="/attack-paths" className="px-1 py-1 text-xs text-slate-600 underline">
            Clear
          </Link>
        </PostureForm>
      )}

      {ap && (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <section className={`${SECTION} lg:sticky lg:top-4 lg:order-2 lg:self-start`} aria-labelledby="paths-selected">
            <h2 id="paths-selected" className={H2}>
              Selected path
            </h2>
            {selected ? <AttackPathDiagram path={selected.path} context={all.map((p) => p.path)} /> : <p className="text-slate-600">No path matches.</p>}
          </section>
          <section className={`${SECTION} lg:order-1`} aria-labelledby="paths-list">
            <h2 id="paths-list" className={H2}>
              Paths by target ({shown.length} of {all.length})
            </h2>
            {groups.length === 0 && <p className="text-slate-600">No path matches.</p>}
            {groups.map((g) => (
              <div key={g.target} className="mb-3">
                <h3 className="mb-1 text-sm font-semibold text-slate-800">
                  To {TARGET_LABEL[g.target]} ({g.paths.length})
                </h3>
                <ul className="flex flex-col divide-y divide-slate-100 text-xs">
                  {g.paths.map((p) => (
                    <li key={p.id} className="py-1">
                      <Link
                        href={hrefFor(q, p.id)}
                        aria-current={p.id === selected?.id ? 'true' : undefined}
                        className={`block rounded px-1 [overflow-wrap:anywhere] hover:bg-slate-50 ${p.id === selected?.id ? 'bg-sky-100 font-medium text-sky-900' : 'text-slate-800'}`}
                      >
                        {p.path.text}
                        {p.path.possible && <span className="ml-1 text-amber-800">(possible)</span>}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        </div>
      )}
    </ViewPage>
  );
}
