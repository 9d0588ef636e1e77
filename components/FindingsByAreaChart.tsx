'use client';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AreaSummary } from '@/lib/posture/types';
import { SEVERITIES } from '@/lib/posture/types';
import { SEVERITY_HEX, SEVERITY_LABEL } from './severity';

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

/** Findings per area, stacked by severity, in the design's area order. */
export function FindingsByAreaChart({ areas }: { areas: AreaSummary[] }) {
  const data = areas.map((a) => ({ area: SHORT[a.id] ?? a.id, title: a.title, ...a.counts }));
  return (
    <figure className="h-72 w-full" aria-label="Findings by area and severity">
      <ResponsiveContainer width="100%" height="100%">
        {/* Horizontal bars: area names stay readable at any width. */}
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: '#475569' }} />
          <YAxis type="category" dataKey="area" tick={{ fontSize: 11, fill: '#334155' }} width={84} interval={0} />
          <Tooltip labelFormatter={(_l, p) => (p?.[0]?.payload as { title?: string })?.title ?? ''} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => SEVERITIES.indexOf(String(item.dataKey) as (typeof SEVERITIES)[number])} />
          {SEVERITIES.filter((s) => s !== 'info').map((s) => (
            <Bar key={s} dataKey={s} name={SEVERITY_LABEL[s]} stackId="sev" fill={SEVERITY_HEX[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="sr-only">Stacked bars of open findings per area: critical, high, medium and low.</figcaption>
    </figure>
  );
}
