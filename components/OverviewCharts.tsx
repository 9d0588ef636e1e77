// The overview's charts, drawn as SVG into the page's HTML (SvgCharts): full-page captures,
// print and the exported HTML show them without scrolling or script; pointing at one loads its
// interactive version (InteractiveChart, recharts). Each figure also carries its data as a
// table for screen readers.
import type { ReactNode } from 'react';
import { WORST_SHOWN } from '@/lib/posture/overview-data';
import type { AreaSummary, NamespaceSummary } from '@/lib/posture/types';
import { FindingsBars, NamespaceScoreBars, TrendLine, type AreaBarRow, type NamespaceScoreRow, type TrendPoint } from './SvgCharts';
import { SEVERITY_LABEL } from './severity';
import { InteractiveChart } from './charts/InteractiveChart';

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
  'api-abuse': 'API abuse',
  'management-tools': 'Mgmt tools',
};
const SHOWN = ['critical', 'high', 'medium', 'low'] as const;
/** `worst`: the lowest-scoring namespaces, worst first (lib/posture/overview-data.ts); the namespaces page has them all. */
export function OverviewCharts({ areas, worst: worstNamespaces, trend }: { areas: AreaSummary[]; worst: NamespaceSummary[]; trend: TrendPoint[] }) {
  const byArea: AreaBarRow[] = areas.map((a) => ({ area: SHORT[a.id] ?? a.id, title: a.title, ...a.counts }));
  const worst: NamespaceScoreRow[] = worstNamespaces.map((n) => ({ name: n.name, score: n.score }));
  return (
    <section aria-label="Charts" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Figure title="Findings by area and severity" table={<AreaTable areas={areas} />}>
        <InteractiveChart kind="findings" data={byArea}>
          <FindingsBars data={byArea} />
        </InteractiveChart>
      </Figure>
      <Figure
        title={`Score by namespace, worst ${Math.min(WORST_SHOWN, worst.length)} first`}
        table={<RowsTable head={['Namespace', 'Score']} rows={worst.map((n) => [n.name, n.score])} />}
      >
        {worst.length > 0 && (
          <InteractiveChart kind="namespaces" data={worst}>
            <NamespaceScoreBars data={worst} />
          </InteractiveChart>
        )}
      </Figure>
      {trend.length >= 2 && (
        <Figure title="Cluster score over time (snapshots)" wide table={<RowsTable head={['Snapshot', 'Score']} rows={trend.map((t) => [t.at, t.score])} />}>
          <InteractiveChart kind="trend" data={trend}>
            <TrendLine data={trend} />
          </InteractiveChart>
        </Figure>
      )}
    </section>
  );
}

function Figure({ title, table, wide, children }: { title: string; table: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <figure aria-label={title} className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm ${wide ? 'lg:col-span-2' : ''}`}>
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <div className="h-72 w-full text-slate-600" aria-hidden data-chart>
        {children}
      </div>
      <figcaption className="sr-only">{table}</figcaption>
    </figure>
  );
}

function AreaTable({ areas }: { areas: AreaSummary[] }) {
  return <RowsTable head={['Area', ...SHOWN.map((s) => SEVERITY_LABEL[s])]} rows={areas.map((a) => [a.title, ...SHOWN.map((s) => a.counts[s])])} />;
}

function RowsTable({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <table>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r[0])}>
            <th scope="row">{r[0]}</th>
            {r.slice(1).map((c, i) => (
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
