// POST /api/fleet/tokens {cluster, labels?, groups?}: a new ingest token for a pushed cluster
// (registered on first use), answered once; only its hash is kept. The hub's admins only
// (lib/server/fleet-access.ts mayAdministerFleet). Same as `kube-posture fleet token create`.
import { z } from 'zod';
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { fleetRouteIdentity, mayAdministerFleet } from '@/lib/server/fleet-access';
import { readJsonBody } from '@/lib/server/route-input';
import { isSameOrigin } from '@/lib/server/same-origin';
import { appStore } from '@/lib/server/snapshot-store';
import { FleetStore } from '@/lib/fleet/store';
import { clusterGroups, clusterLabels, clusterName } from '@/lib/fleet/names';

export const dynamic = 'force-dynamic';

const input = z.strictObject({ cluster: clusterName, labels: clusterLabels.optional(), groups: clusterGroups.optional() });

export async function POST(request: Request) {
  const who = await fleetRouteIdentity();
  if (!who.ok) return who.response;
  if (!isSameOrigin(request)) return refused();
  if (!mayAdministerFleet(who.identity)) return jsonError(403, 'making ingest tokens needs cluster-wide access to the hub’s cluster and, when FLEET_ADMIN_GROUPS is set, one of those groups');
  const body = await readJsonBody(request, input);
  if (!body.ok) return body.response;
  return withStoreErrors(async () => {
    const made = await new FleetStore((await appStore().get()).sql).createToken(body.value.cluster, { labels: body.value.labels, groups: body.value.groups });
    return Response.json({ cluster: body.value.cluster, ...made }, { status: 201, headers: NO_STORE });
  });
}
