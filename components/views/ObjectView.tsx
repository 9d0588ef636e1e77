// One object of a posture: its findings and their fixes, the fix-first changes to it, the attack
// paths through it (drawn), its owner and, live, who can act on it. Live, snapshot and share pages
// render this view; what needs the cluster's objects (who can act, whether an object with nothing
// to say exists) comes in `live`.
import { notFound } from 'next/navigation';
import { AttackPathDiagram } from '@/components/AttackPathDiagram';
import { FindingsTable } from '@/components/FindingsTable';
import { AccessTable } from '@/components/NamespaceAccess';
import { PostureLink as Link } from '@/components/PostureLink';
import { SeverityCounts } from '@/components/SeverityCounts';
import { pathId, TARGET_LABEL } from '@/lib/posture/attack-paths-list';
import { objectView, type ObjectKey } from '@/lib/posture/object-view';
import type { AccessRow } from '@/lib/posture/rbac/namespace-access';
import { countBySeverity } from '@/lib/posture/scoring';
import { isOpen } from '@/lib/posture/types';
import { NotInSource } from './NamespaceView';
import type { PostureSource } from './source';
import { ViewPage } from './ViewPage';

const SECTION = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm';
const H2 = 'mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500';
/** Paths drawn on the page, and listed by their words after them; the rest are on /attack-paths. */
const DRAWN = 4;
const LISTED = 6;

/** What only a live posture has, already cut to the viewer by lib/server/object-page.ts. */
export interface LiveObject {
  /** The cluster has it (an object with no finding and on no path still has a page). */
  exists: boolean;
  owner?: string;
  access: { local: AccessRow[]; clusterWide: AccessRow[] } | null;
}

/** `object` is already parsed and allowed for this viewer; one the document and the cluster do not know is a 404. */
export function ObjectView({ source, object, live }: { source: PostureSource; object: ObjectKey; live?: LiveObject }) {
  const { doc, view } = source;
  const seen = objectView(doc, object);
  if (!seen && !live?.exists) notFound();
  const findings = seen?.findings.filter(isOpen) ?? [];
  const triaged = seen?.findings.filter((f) => !isOpen(f)) ?? [];
  const paths = seen?.paths ?? [];
  const owner = live?.owner ?? seen?.owner;
  const qualified = `${object.namespace ? `${object.namespace}/` : ''}${object.name}`;

  return (
    <ViewPage
      source={source}
      parent={
        object.namespace
          ? { href: `/namespaces/${encodeURIComponent(object.namespace)}`, label: object.namespace }
          : { href: '/attack-paths', label: 'Attack paths' }
      }
      here={<span className="font-mono">{`${object.kind} ${object.name}`}</span>}
    >
      <section className={`flex flex-col gap-2 ${SECTION}`} aria-labelledby="object-title">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{object.kind}</p>
        <h1 id="object-title" className="font-mono text-xl font-semibold [overflow-wrap:anywhere]">
          {qualified}
        </h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
          <dt className="text-slate-500">Owner</dt>
          <dd data-testid="object-owner">{owner ?? <span className="text-slate-500">none set (no owner label or annotation)</span>}</dd>
          <dt className="text-slate-500">Attack paths through it</dt>
          <dd className="tabular-nums">{seen?.pathCount ?? 0}</dd>
          <dt className="text-slate-500">Open findings</dt>
          <dd>
            <SeverityCounts counts={countBySeverity(findings)} />
          </dd>
        </dl>
      </section>

      {seen && seen.fixes.length > 0 && (
        <section aria-labelledby="object-fix-first" className={SECTION}>
          <h2 id="object-fix-first" className={H2}>
            Fix first
          </h2>
          <ol className="flex flex-col gap-3">
            {seen.fixes.map(({ rank, fix }) => (
              <li key={rank} className="flex flex-col gap-1 text-xs">
                <p className="text-sm font-medium text-slate-900 [overflow-wrap:anywhere]">
                  #{rank} of the changes to make first: {fix.change}
                </p>
                <p className="text-slate-700">
                  Field <code className="font-mono [overflow-wrap:anywhere]">{fix.field}</code>; removes {fix.removes['cluster-admin']} path
                  {fix.removes['cluster-admin'] === 1 ? '' : 's'} to cluster-admin and {fix.removes.node} to nodes.
                </p>
                <pre aria-label="Patch to apply" className="overflow-x-auto rounded bg-slate-800 p-2 font-mono text-[11px] leading-snug text-slate-100">
                  {fix.patch}
                </pre>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="object-paths" className={SECTION}>
        <h2 id="object-paths" className={H2}>
          Attack paths through it
        </h2>
        {paths.length === 0 ? (
          <p className="text-slate-600">
            {seen?.pathCount
              ? `${seen.pathCount} paths run through it; none of them is among the shortest the posture keeps.`
              : 'No attack path runs through it.'}
          </p>
        ) : (
          <div className="flex flex-col gap-4">
            {paths.length < (seen?.pathCount ?? 0) && (
              <p className="text-xs text-slate-600">
                The {paths.length} shortest of {seen!.pathCount} (the posture keeps the shortest few per target).
              </p>
            )}
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              {paths.slice(0, DRAWN).map((p) => (
                <div key={pathId(p)} className="flex flex-col gap-1">
                  <AttackPathDiagram path={p} here={object} context={paths} />
                  <Link href={`/attack-paths?path=${pathId(p)}`} className="text-xs text-slate-700 underline">
                    Among every path to {TARGET_LABEL[p.target]}
                  </Link>
                </div>
              ))}
            </div>
            {paths.length > DRAWN && (
              <>
                <h3 className="text-xs font-semibold text-slate-600">More paths through it</h3>
                <ul className="flex flex-col divide-y divide-slate-100 text-xs">
                  {paths.slice(DRAWN, DRAWN + LISTED).map((p) => (
                    <li key={pathId(p)} className="py-1">
                      <Link href={`/attack-paths?path=${pathId(p)}`} className="text-slate-800 [overflow-wrap:anywhere] hover:underline">
                        {p.text}
                      </Link>
                    </li>
                  ))}
                </ul>
                {paths.length > DRAWN + LISTED && (
                  <Link href="/attack-paths" className="text-xs text-slate-700 underline">
                    {paths.length - DRAWN - LISTED} more on the attack paths page
                  </Link>
                )}
              </>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="object-findings" className="flex flex-col gap-2">
        <h2 id="object-findings" className="text-xs font-semibold uppercase tracking-wide text-slate-500">
          Findings and their fixes ({findings.length})
        </h2>
        <FindingsTable findings={findings} caption={`Findings on ${object.kind} ${qualified}`} />
        {triaged.length > 0 && <FindingsTable findings={triaged} caption={`Not counted on ${object.kind} ${qualified}: by design or accepted`} />}
      </section>

      <section aria-labelledby="object-access" className={SECTION}>
        <h2 id="object-access" className={H2}>
          Who can act on it
        </h2>
        {live?.access ? (
          live.access.local.length + live.access.clusterWide.length === 0 ? (
            <p className="text-slate-600">No binding lets anyone change it (besides the cluster’s own bootstrap roles).</p>
          ) : (
            <div className="flex flex-col gap-3">
              {live.access.local.length > 0 && (
                <AccessTable rows={live.access.local} caption={`RoleBindings in ${object.namespace}`} powersLabel="What they can do to it" />
              )}
              {live.access.clusterWide.length > 0 && (
                <AccessTable rows={live.access.clusterWide} caption="Cluster-wide bindings" powersLabel="What they can do to it" />
              )}
            </div>
          )
        ) : live ? (
          <p className="text-slate-600">Not a kind the posture reads: its bindings do not name it.</p>
        ) : (
          <NotInSource what="Who can act on it is" stored={!!view} />
        )}
      </section>
    </ViewPage>
  );
}
