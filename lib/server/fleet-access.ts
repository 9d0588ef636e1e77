// Who may see which pushed cluster, on every fleet surface (/fleet, /fleet/<cluster>/…, GET
// /api/fleet): the caller is identified on the hub's own cluster (the deployment's), and sees a
// pushed cluster when they are cluster-wide there (the hub's admins) or in one of the groups the
// cluster was given (fleet token create --group). Anything else is a 404, as for a missing page.
import { notFound } from 'next/navigation';
import { sourceFromEnv } from '../cluster/source';
import { fleetOverview, staleAfterMs, type FleetOverview } from '../fleet/overview';
import { FleetStore, type FleetCluster } from '../fleet/store';
import { FleetSummaryCache } from '../fleet/summary-cache';
import { clusterName } from '../fleet/names';
import { LatestPostureStore } from '../snapshots/latest-posture';
import type { PostureDocument } from '../posture/types';
import type { SnapshotView } from '@/components/AppHeader';
import { requirePageIdentity, routeIdentity, type Identified } from './auth/guard';
import { clusterOf } from './request-source';
import { appStore } from './snapshot-store';

export function mayViewPushed(who: Pick<Identified, 'viewer' | 'scope'>, cluster: Pick<FleetCluster, 'groups'>): boolean {
  if (who.scope.clusterWide) return true;
  return who.viewer?.groups.some((g) => cluster.groups.includes(g)) ?? false;
}

/** Who may make ingest tokens: the hub's cluster-wide viewers, narrowed to FLEET_ADMIN_GROUPS when set. */
export function mayAdministerFleet(who: Pick<Identified, 'viewer' | 'scope'>, env: Record<string, string | undefined> = process.env): boolean {
  if (!who.scope.clusterWide) return false;
  const groups = (env.FLEET_ADMIN_GROUPS ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups.length === 0 || who.viewer === null) return true; // viewer null: AUTH_MODE=none, loopback only
  return who.viewer.groups.some((g) => groups.includes(g));
}

async function fleetStore(): Promise<FleetStore> {
  return new FleetStore((await appStore().get()).sql);
}

// One summary cache per open store (a test that opens another database starts afresh).
const caches = new WeakMap<object, FleetSummaryCache>();
async function summaries(): Promise<FleetSummaryCache> {
  const store = await appStore().get();
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new FleetSummaryCache(async () => new FleetStore(store.sql))));
  return cache;
}

/** The fleet as this caller may see it, filtered by labels. */
export async function fleetFor(who: Identified, filter: Record<string, string>, now = Date.now()): Promise<FleetOverview> {
  const clusters = await (await summaries()).clusters();
  return fleetOverview(
    clusters.filter((c) => mayViewPushed(who, c)),
    { now, staleMs: staleAfterMs(), filter },
  );
}

const hubCluster = () => clusterOf(sourceFromEnv());

export async function fleetPageIdentity(): Promise<Identified> {
  return requirePageIdentity({ cluster: hubCluster() });
}

export async function fleetRouteIdentity() {
  return routeIdentity({ cluster: hubCluster() });
}

export interface LoadedReport {
  doc: PostureDocument;
  view: SnapshotView;
  base: string;
}

/** A pushed cluster's latest report for its pages; 404 when unknown, not reported yet, or not this caller's to see. */
export async function loadFleetClusterPage(name: string): Promise<LoadedReport> {
  const who = await fleetPageIdentity();
  if (!clusterName.safeParse(name).success) notFound();
  const store = await fleetStore();
  const cluster = await store.cluster(name);
  if (!cluster || !mayViewPushed(who, cluster) || !cluster.last) notFound();
  const held = await new LatestPostureStore((await appStore().get()).sql).get(cluster.key);
  if (!held) notFound();
  // The hub's name for the cluster (its token's), not whatever the agent's context was called.
  const doc = { ...held.doc, cluster: { ...held.doc.cluster, name } };
  return {
    doc,
    view: { takenAt: held.doc.generatedAt, createdAt: cluster.last.receivedAt, label: `reported by the agent of ${name}`, report: true },
    base: `/fleet/${name}`,
  };
}
