'use client';
import dynamic from 'next/dynamic';
import type { AreaSummary } from '@/lib/posture/types';
import type { AreaBarRow } from './FindingsBars';
import { SEVERITY_LABEL } from './severity';

const SHORT: Record<string, string> = {
  'pod-security': 'Pod security',
  'authn-authz': 'AuthN/Z',
  rbac: 'RBAC',
  encryption: 'Encryption',
  'resource-limits': 'Resources',
  'image-vulnerabilities': 'Images',
  'host-security': 'Hosts',
  'registry-security': 'Registries',
  'runtime-security': 'Runtime',
};

const SHOWN = ['critical', 'high', 'medium', 'low'] as const;

// Recharts draws nothing useful on the server (it measures its box first), so it is only
// fetched in the browser; the box keeps its height meanwhile and the table below carries the data.
const FindingsBars = dynamic(() => import('./FindingsBars'), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-50" aria-hidden />,
});

/** Findings per area, stacked by severity, in the design's area order. */
export function FindingsByAreaChart({ areas }: { areas: AreaSummary[] }) {
  const data: AreaBarRow[] = areas.map((a) => ({ area: SHORT[a.id] ?? a.id, title: a.title, ...a.counts }));
  return (
    <figure aria-label="Findings by area and severity" className="w-full">
      <div className="h-72 w-full" aria-hidden>
        <FindingsBars data={data} />
      </div>
      <figcaption className="sr-only">
        Open findings per area, stacked by severity: critical, high, medium and low.
        <table>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {SHOWN.map((s) => (
                <th key={s} scope="col">
                  {SEVERITY_LABEL[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                {SHOWN.map((s) => (
                  <td key={s}>{a.counts[s]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
