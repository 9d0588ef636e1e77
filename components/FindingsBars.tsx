'use client';
// The recharts half of FindingsByAreaChart, loaded after the page so the chart library is
// not in the first download.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES, type Severity } from '@/lib/posture/types';
import { SEVERITY_HEX, SEVERITY_LABEL } from './severity';

export interface AreaBarRow extends Record<Severity, number> {
  area: string;
  title: string;
}

export default function FindingsBars({ data }: { data: AreaBarRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* Horizontal bars: area names stay readable at any width. */}
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: '#475569' }} />
        <YAxis type="category" dataKey="area" tick={{ fontSize: 11, fill: '#334155' }} width={84} interval={0} />
        <Tooltip labelFormatter={(_l, p) => (p?.[0]?.payload as { title?: string })?.title ?? ''} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => SEVERITIES.indexOf(String(item.dataKey) as Severity)} />
        {SEVERITIES.filter((s) => s !== 'info').map((s) => (
          <Bar key={s} dataKey={s} name={SEVERITY_LABEL[s]} stackId="sev" fill={SEVERITY_HEX[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
