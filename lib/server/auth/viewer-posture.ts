// The posture an API route may return to the caller: authenticated, then cut down to the
// namespaces the caller may see.
import type { PostureResult } from '../posture-service';
import { getPosture } from '../posture-service';
import { mayViewCluster, restrictForViewer, routeViewer } from './guard';
import { NO_STORE } from '../api-responses';

export async function viewerPostureForRoute(): Promise<{ ok: false; response: Response } | ({ ok: true } & PostureResult)> {
  const who = await routeViewer();
  if (!who.ok) return who;
  const { doc, inventory, error } = await getPosture();
  if (!doc) return { ok: true, doc, inventory, error };
  const mine = await restrictForViewer(who.viewer, doc);
  // The inventory is the whole cluster: only for those who may see it.
  return { ok: true, doc: mine, inventory: mine.view ? null : inventory, error };
}

/** For cluster-wide routes (RBAC subjects): the caller's 401/403, or null to go ahead. */
export async function clusterRouteRefusal(): Promise<Response | null> {
  const who = await routeViewer();
  if (!who.ok) return who.response;
  if (await mayViewCluster(who.viewer)) return null;
  return Response.json(
    { error: 'this view covers the whole cluster; it needs cluster-wide access or an admin group' },
    { status: 403, headers: NO_STORE },
  );
}
