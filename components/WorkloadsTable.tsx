import Link from 'next/link';
import { WORKLOAD_KINDS, type Workload } from '@/lib/cluster/types';
import { countBySeverity } from '@/lib/posture/scoring';
import type { Finding } from '@/lib/posture/types';
import { SeverityCounts } from './SeverityCounts';

/** A row: a workload, with its pod count when the inventory is known. */
export type WorkloadRow = Pick<Workload, 'kind' | 'name'> & { pods: number | null };

/**
 * What a stored document can say of a namespace's workloads: those its findings name (pods
 * unknown). A workload with no finding does not appear in a document.
 */
export function workloadsNamedBy(findings: Finding[]): WorkloadRow[] {
  const kinds = new Set<string>(['Pod', ...WORKLOAD_KINDS]);
  const seen = new Map<string, WorkloadRow>();
  for (const { resource: r } of findings)
    if (kinds.has(r.kind)) seen.set(`${r.kind}/${r.name}`, { kind: r.kind as WorkloadRow['kind'], name: r.name, pods: null });
  return [...seen.values()].sort((a, b) => `${a.kind}/${a.name}`.localeCompare(`${b.kind}/${b.name}`));
}

/** A namespace's workloads, each with what is wrong with it; clean ones say so. */
export function WorkloadsTable({ namespace, workloads, findings }: { namespace: string; workloads: WorkloadRow[]; findings: Finding[] }) {
  if (workloads.length === 0) return <p className="text-slate-500">No workloads.</p>;
  const byObject = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.resource.kind}/${f.resource.name}`;
    byObject.set(key, [...(byObject.get(key) ?? []), f]);
  }
  return (
    <table className="w-full border-collapse text-left text-xs">
      <caption className="sr-only">Workloads in {namespace}</caption>
      <thead className="bg-slate-100 text-slate-600">
        <tr>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Workload
          </th>
          <th scope="col" className="px-2 py-1.5 text-right font-semibold">
            Pods
          </th>
          <th scope="col" className="px-2 py-1.5 font-semibold">
            Findings
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {workloads.map((w) => {
          const key = `${w.kind}/${w.name}`;
          const mine = byObject.get(key) ?? [];
          const link = (s: string) => `/findings?namespace=${encodeURIComponent(namespace)}&object=${encodeURIComponent(key)}&severity=${s}`;
          return (
            <tr key={key} data-workload={key}>
              <td className="px-2 py-1.5 font-mono">
                <span className="text-slate-500">{w.kind}</span> {w.name}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{w.pods ?? '—'}</td>
              <td className="px-2 py-1.5">
                {mine.length === 0 ? <span className="text-green-800">No findings</span> : <SeverityCounts counts={countBySeverity(mine)} href={link} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
