// The posture a page or API route may show the caller: authenticated and authorized for the
// request's cluster first (nothing is scanned for a stranger), then cut down to the namespaces
// the caller may see. The inventory (every object of the cluster) goes to cluster-wide viewers only.
import type { Inventory } from '../../cluster/inventory';
import type { PostureDocument } from '../../posture/types';
import type { PostureOptions, PostureResult } from '../posture-service';
import { getPosture } from '../posture-service';
import { requestCluster } from '../request-source';
import { noteRender, RENDER_HEADER, scopeKey, snapshotGeneration } from '../response-cache/renders';
import { clusterRouteIdentity, currentRequest, requirePageIdentity, restrictFor, routeIdentity, type Identified } from './guard';

const namespacesOf = (cluster: Awaited<ReturnType<typeof requestCluster>>) => async () =>
  (await getPosture(cluster.spec)).doc?.namespaces.map((n) => n.name) ?? [];

async function postureFor(who: Identified, opts?: PostureOptions): Promise<PostureResult> {
  const { doc, inventory, error } = await getPosture(who.cluster.spec, opts);
  if (!doc) return { doc, inventory: null, error };
  await tellResponseCache(who, doc, error);
  const mine = restrictFor(who, doc);
  return { doc: mine, inventory: who.scope.clusterWide ? inventory : null, error };
}

/** Which posture and identity this request's answer shows, for the response cache (lib/server/response-cache/renders.ts). */
async function tellResponseCache(who: Identified, doc: PostureDocument, error: string | null): Promise<void> {
  const id = (await currentRequest()).headers.get(RENDER_HEADER);
  if (id) noteRender(id, { cluster: who.cluster.key, viewer: who.viewer?.user ?? '', scope: scopeKey(who.scope), error, snapshots: snapshotGeneration(), doc });
}

export async function viewerPostureForRoute(): Promise<{ ok: false; response: Response } | ({ ok: true; identity: Identified } & PostureResult)> {
  const cluster = await requestCluster();
  const who = await routeIdentity({ cluster, namespaces: namespacesOf(cluster) });
  if (!who.ok) return who;
  return { ok: true, identity: who.identity, ...(await postureFor(who.identity)) };
}

/** For pages: the identity and its share of the posture (off to /signin without one). */
export async function viewerPostureForPage(opts?: PostureOptions): Promise<{ identity: Identified } & PostureResult> {
  const cluster = await requestCluster();
  const identity = await requirePageIdentity({ cluster, namespaces: namespacesOf(cluster) });
  return { identity, ...(await postureFor(identity, opts)) };
}

/**
 * For pages that need a posture: the caller's share of it, or an error for app/error.tsx to show.
 * Pages that read the inventory ask with waitForInventory: their document is then of its scan.
 */
export async function requirePosture(opts?: PostureOptions): Promise<{ doc: PostureDocument; inventory: Inventory | null; identity: Identified }> {
  const { identity, doc, inventory, error } = await viewerPostureForPage(opts);
  if (!doc) throw new Error(error ?? 'no posture yet');
  return { doc, inventory, identity };
}

/** For cluster-wide routes (RBAC subjects): the caller's 401/403, or null to go ahead. */
export async function clusterRouteRefusal(): Promise<Response | null> {
  const who = await clusterRouteIdentity();
  return who.ok ? null : who.response;
}
