// Fix first across a fleet. When a cluster's report arrives, its fix-first changes are cut down to a
// small summary (fixSummary: what to change, on which object, how many paths to cluster-admin and to
// nodes it cuts, the id of the path it cuts), stored with the cluster; /fleet folds the summaries of
// the clusters its viewer may see (fleetFixFirst): the same change (same kind, namespace, name,
// field and change) in several clusters is one entry, ranked by the paths it cuts in all of them.
// Pure.
import { pathId } from './attack-paths-list';
import { objectHref } from './object-view';
import type { PostureDocument } from './types';

/** One fix-first change of one cluster, as stored with the cluster. */
export interface FixSummary {
  kind: string;
  namespace: string | null;
  name: string;
  field: string;
  change: string;
  /** Paths to cluster-admin and to nodes it cuts (after the changes ranked before it in that cluster). */
  admin: number;
  node: number;
  /** The id of the shortest path it cuts (lib/posture/attack-paths-list.ts), for a link; absent in older documents. */
  path?: string;
}

/** Stored per cluster: at most this many changes, each text at most this long. */
export const FIX_SUMMARY_MAX = 10;
const TEXT_MAX = 300;
const clip = (s: string) => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);

export function fixSummary(doc: Pick<PostureDocument, 'attackPaths'>): FixSummary[] {
  return (doc.attackPaths?.fixFirst ?? []).slice(0, FIX_SUMMARY_MAX).map((f) => ({
    kind: f.object.kind,
    namespace: f.object.namespace ?? null,
    name: f.object.name,
    field: clip(f.field),
    change: clip(f.change),
    admin: f.removes['cluster-admin'],
    node: f.removes.node,
    ...(f.path ? { path: pathId(f.path) } : {}),
  }));
}

/** One change across the fleet: the clusters it applies to, most cut first. */
export interface FleetFix {
  key: string;
  kind: string;
  namespace: string | null;
  name: string;
  field: string;
  change: string;
  /** Summed over its clusters. */
  admin: number;
  node: number;
  clusters: { name: string; admin: number; node: number; path?: string }[];
}

const fixKey = (f: FixSummary) => [f.kind, f.namespace ?? '', f.name, f.field, f.change].join('\u0000');

/**
 * The changes that cut the most paths across these clusters: to cluster-admin first, then to
 * nodes, then the change that applies to more clusters. Give only the clusters the viewer may see.
 */
export function fleetFixFirst(clusters: { name: string; fixes: FixSummary[] }[], top = 10): FleetFix[] {
  const byKey = new Map<string, FleetFix>();
  for (const c of clusters) {
    // A cluster lists one change once; a repeat (a damaged summary) is not counted twice.
    const seen = new Set<string>();
    for (const f of c.fixes) {
      const key = fixKey(f);
      if (f.admin + f.node <= 0 || seen.has(key)) continue;
      seen.add(key);
      const g =
        byKey.get(key) ??
        byKey
          .set(key, { key, kind: f.kind, namespace: f.namespace, name: f.name, field: f.field, change: f.change, admin: 0, node: 0, clusters: [] })
          .get(key)!;
      g.admin += f.admin;
      g.node += f.node;
      g.clusters.push({ name: c.name, admin: f.admin, node: f.node, ...(f.path ? { path: f.path } : {}) });
    }
  }
  const out = [...byKey.values()];
  for (const g of out) g.clusters.sort((a, b) => b.admin - a.admin || b.node - a.node || a.name.localeCompare(b.name));
  return out.sort((a, b) => b.admin - a.admin || b.node - a.node || b.clusters.length - a.clusters.length || a.key.localeCompare(b.key)).slice(0, top);
}

/** Where a cluster's entry links: the path it cuts on the cluster's attack-paths page, else the object's page. */
export function fleetFixHref(cluster: string, f: Pick<FleetFix, 'kind' | 'namespace' | 'name'>, path?: string): string {
  const base = `/fleet/${encodeURIComponent(cluster)}`;
  if (path) return `${base}/attack-paths?path=${encodeURIComponent(path)}`;
  return base + objectHref(f);
}
