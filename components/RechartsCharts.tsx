'use client';
// Every recharts chart of the overview, in one module: the library is fetched once, and only
// when the charts scroll into view (see OverviewCharts).
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SEVERITIES, type Severity } from '@/lib/posture/types';
import { scoreBand } from '@/lib/posture/scoring';
import { BAND_HEX, SEVERITY_HEX, SEVERITY_LABEL } from './severity';

export interface AreaBarRow extends Record<Severity, number> {
  area: string;
  title: string;
}

export interface NamespaceScoreRow {
  name: string;
  score: number;
}

export interface TrendPoint {
  /** ISO 8601 time of the snapshot. */
  at: string;
  score: number;
}

const TICK = { fontSize: 11, fill: 'currentColor' };

export function FindingsBars({ data }: { data: AreaBarRow[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* Horizontal bars: area names stay readable at any width. */}
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#94a3b8" strokeOpacity={0.35} />
        <XAxis type="number" allowDecimals={false} tick={TICK} />
        <YAxis type="category" dataKey="area" tick={TICK} width={84} interval={0} />
        <Tooltip labelFormatter={(_l, p) => (p?.[0]?.payload as { title?: string })?.title ?? ''} />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={(item) => SEVERITIES.indexOf(String(item.dataKey) as Severity)} />
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
        <Tooltip />
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
        <Tooltip />
        <Line type="monotone" dataKey="score" name="Cluster score" stroke="#2563eb" strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
