import { AppHeader } from '@/components/AppHeader';
import { FleetTable } from '@/components/fleet/FleetTable';
import type { SearchParams } from '@/components/views/source';
import { fleetFor, fleetPageIdentity } from '@/lib/server/fleet-access';
import { fleetFilter } from '@/lib/server/fleet-filter';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Fleet · kube-posture' };

export default async function FleetPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const who = await fleetPageIdentity();
  const parsed = fleetFilter(await searchParams);
  const filter = parsed.ok ? parsed.value : {};
  const fleet = await fleetFor(who, filter);
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5 p-4 sm:p-6">
      <AppHeader doc={null} />
      <h1 className="text-xl font-semibold">Fleet</h1>
      <p className="text-xs text-slate-600">
        Clusters whose agents report to this hub, with their latest report. A report older than the stale limit is flagged: its agent may have stopped.
      </p>
      <FleetTable fleet={fleet} filter={filter} />
    </div>
  );
}
