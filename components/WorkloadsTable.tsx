import Link from 'next/link';
import type { Workload } from '@/lib/cluster/types';
import { countBySeverity } from '@/lib/posture/scoring';
import type { Finding } from '@/lib/posture/types';
import { SeverityCounts } from './SeverityCounts';

/** A namespace's workloads, each with what is wrong with it; clean ones say so. */
export function WorkloadsTable({ namespace, workloads, findings }: { namespace: string; workloads: Workload[]; findings: Finding[] }) {
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
              <td className="px-2 py-1.5 text-right tabular-nums">{w.pods}</td>
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
