// The /fleet label filter from a query string: label keys and values as the agents' labels are
// written (lib/fleet/names.ts); anything else is refused by the API and ignored by the page.
import { clusterLabels } from '../fleet/names';

export function fleetFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): { ok: true; value: Record<string, string> } | { ok: false; error: string } {
  const entries = params instanceof URLSearchParams ? [...params] : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.at(-1) : v] as const);
  const raw = Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;
  const r = clusterLabels.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const i = r.error.issues[0]!;
  return { ok: false, error: `${i.path.join('.')}: ${i.message}` };
}
