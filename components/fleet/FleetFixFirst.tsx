// /fleet's fix-first across the fleet: the changes that cut the most attack paths in the listed
// clusters, each with the clusters it applies to, linking to the path it cuts there (or the
// object's page). Server-rendered only.
import { fleetFixHref, type FleetFix } from '@/lib/posture/fleet-fix-first';

/** Cluster links shown per change; the rest are counted (a label filter narrows the list). */
const SHOWN = 12;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function FleetFixFirst({ fixes }: { fixes: FleetFix[] }) {
  if (fixes.length === 0) return null;
  return (
    <section
      aria-labelledby="fleet-fix-first"
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="fleet-fix-first"
    >
      <h2 id="fleet-fix-first" className="text-base font-semibold">
        Changes that cut the most attack paths across the fleet
      </h2>
      <p className="text-xs text-slate-600">
        From each cluster’s latest report: its changes to make first, the same change in several clusters counted together. Paths to cluster-admin first, then
        to nodes; beside each cluster, the paths it cuts there (to cluster-admin / to nodes).
      </p>
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm">
        {fixes.map((f) => (
          <li key={f.key} className="[overflow-wrap:anywhere]">
            <span className="font-mono">
              {f.kind} {f.namespace ? `${f.namespace}/` : ''}
              {f.name}
            </span>
            : {f.change}{' '}
            <span className="text-slate-600">
              (cuts {plural(f.admin, 'path')} to cluster-admin and {f.node} to nodes, in {plural(f.clusters.length, 'cluster')})
            </span>
            <ul className="mt-0.5 flex flex-wrap gap-x-3 text-xs" aria-label={`Clusters where ${f.kind} ${f.name} needs this change`}>
              {f.clusters.slice(0, SHOWN).map((c) => (
                <li key={c.name}>
                  <a href={fleetFixHref(c.name, f, c.path)} className="text-indigo-800 underline">
                    {c.name}
                  </a>{' '}
                  <span className="text-slate-600">
                    ({c.admin} / {c.node})
                  </span>
                </li>
              ))}
              {f.clusters.length > SHOWN && <li className="text-slate-600">and {plural(f.clusters.length - SHOWN, 'more cluster')}</li>}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
