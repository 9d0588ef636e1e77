'use client';
// The overview's charts again, interactive (tooltips that follow the pointer, a legend):
// this module and recharts load only when a viewer points at a chart (InteractiveChart), over
// the SVG the server already drew, so the page's own JavaScript stays within its budget.
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES, type Severity } from '@/lib/posture/types';
import type { AreaBarRow, NamespaceScoreRow, TrendPoint } from '../SvgCharts';
import { scoreBand } from '@/lib/posture/scoring';
import { BAND_HEX, SEVERITY_HEX, SEVERITY_LABEL } from '../severity';

const TICK = { fontSize: 11, fill: 'currentColor' };
// Theme colours from app/globals.css, which turns them over in the dark theme.
const TIP = {
  contentStyle: { background: 'var(--color-white)', border: '1px solid var(--color-slate-300)', borderRadius: 6, fontSize: 12 },
  labelStyle: { color: 'var(--color-slate-900)', fontWeight: 600 },
  itemStyle: { color: 'var(--color-slate-800)' },
  cursor: { fill: 'var(--color-slate-400)', fillOpacity: 0.15 },
} as const;
const bySeverity = (item: { dataKey?: unknown }) => SEVERITIES.indexOf(String(item.dataKey) as Severity);
const legendText = (value: string) => <span style={{ color: 'var(--color-slate-700)' }}>{value}</span>;

export function FindingsBars({ data }: { data: AreaBarRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* Horizontal bars: area names stay readable at any width. */}
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#94a3b8" strokeOpacity={0.35} />
        <XAxis type="number" allowDecimals={false} tick={TICK} />
        <YAxis type="category" dataKey="area" tick={TICK} width={84} interval={0} />
        <Tooltip {...TIP} itemSorter={bySeverity} labelFormatter={(_l, p) => (p?.[0]?.payload as { title?: string })?.title ?? ''} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={bySeverity} formatter={legendText} />
        {SEVERITIES.filter((s) => s !== 'info').map((s) => (
          <Bar key={s} dataKey={s} name={SEVERITY_LABEL[s]} stackId="sev" fill={SEVERITY_HEX[s]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function NamespaceScoreBars({ data }: { data: NamespaceScoreRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#94a3b8" strokeOpacity={0.35} />
        <XAxis type="number" domain={[0, 100]} tick={TICK} />
        <YAxis type="category" dataKey="name" tick={TICK} width={110} interval={0} />
        <Tooltip {...TIP} />
        <Bar dataKey="score" name="Score" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.name} fill={BAND_HEX[scoreBand(d.score)]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrendLine({ data }: { data: TrendPoint[] }) {
  const rows = data.map((d) => ({ ...d, day: d.at.slice(0, 10) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#94a3b8" strokeOpacity={0.35} />
        <XAxis dataKey="day" tick={TICK} />
        <YAxis domain={[0, 100]} tick={TICK} width={32} />
        <Tooltip {...TIP} />
        <Line type="monotone" dataKey="score" name="Cluster score" stroke="#2563eb" strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export const CHARTS = { findings: FindingsBars, namespaces: NamespaceScoreBars, trend: TrendLine } as const;
