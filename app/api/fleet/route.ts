// GET /api/fleet?env=prod&region=eu: the pushed clusters this caller may see (lib/server/fleet-access.ts), as /fleet shows them.
import { NO_STORE, jsonError, withStoreErrors } from '@/lib/server/api-responses';
import { fleetFor, fleetRouteIdentity } from '@/lib/server/fleet-access';
import { fleetFilter } from '@/lib/server/fleet-filter';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const who = await fleetRouteIdentity();
  if (!who.ok) return who.response;
  const filter = fleetFilter(new URL(request.url).searchParams);
  if (!filter.ok) return jsonError(400, filter.error);
  return withStoreErrors(async () => Response.json(await fleetFor(who.identity, filter.value), { headers: NO_STORE }));
}
