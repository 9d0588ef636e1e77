// The overview's charts as plain SVG, drawn where the page is rendered (on the server, in the
// HTML): they show in full-page captures, print and the exported HTML without scrolling or
// script, and cost no chart library (recharts was ~110 kB of compressed JavaScript). A bar's
// <title> is its tooltip; the figure's table (OverviewCharts) is what screen readers get.
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

const W = 600;
const H = 288;
const GRID = '#94a3b8';
const STACKED = SEVERITIES.filter((s) => s !== 'info');

/** Round tick steps (1, 2, 5 × 10^n) up to `max`, about five of them. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 5;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = 0; v <= max + step / 2; v += Math.max(1, step)) out.push(v);
  if (out[out.length - 1]! < max) out.push(out[out.length - 1]! + step);
  return out;
}

/** The label cut to what fits in `width` px of 11 px text (about 6.4 px a character), with an ellipsis. */
export function fitLabel(label: string, width: number): string {
  const chars = Math.max(4, Math.floor(width / 6.4));
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
}

function Frame({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" height="100%" role="img" aria-label={label} className="kp-chart" fontSize={11} fill="currentColor">
      {children}
    </svg>
  );
}

/** Horizontal bars with a value axis along the bottom; `rows` are drawn top to bottom. */
function HorizontalBars<R>({
  rows,
  label,
  axisLeft,
  max,
  legend,
  name,
  bars,
}: {
  rows: R[];
  label: string;
  axisLeft: number;
  max: number;
  /** Drawn below the axis. */
  legend?: React.ReactNode;
  name: (r: R) => string;
  bars: (r: R, x: (v: number) => number, y: number, h: number) => React.ReactNode;
}) {
  const top = 4;
  const bottom = H - 20 - (legend ? 18 : 0);
  const right = W - 12;
  const t = ticks(max);
  const domain = t[t.length - 1]! || 1;
  const x = (v: number) => axisLeft + ((right - axisLeft) * v) / domain;
  const band = (bottom - top) / Math.max(rows.length, 1);
  return (
    <Frame label={label}>
      {t.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top} y2={bottom} stroke={GRID} strokeOpacity={0.35} strokeDasharray="3 3" />
          <text x={x(v)} y={bottom + 14} textAnchor="middle">
            {v}
          </text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = top + i * band;
        const n = name(r);
        return (
          <g key={n}>
            <text x={axisLeft - 6} y={y + band / 2} dominantBaseline="middle" textAnchor="end">
              {fitLabel(n, axisLeft - 10)}
            </text>
            {bars(r, x, y + band * 0.15, band * 0.7)}
          </g>
        );
      })}
      {legend}
    </Frame>
  );
}

export function FindingsBars({ data }: { data: AreaBarRow[] }) {
  const max = Math.max(0, ...data.map((d) => STACKED.reduce((n, s) => n + d[s], 0)));
  const legend = (
    <g transform={`translate(${W / 2 - (STACKED.length * 76) / 2}, ${H - 8})`}>
      {STACKED.map((s, i) => (
        <g key={s} transform={`translate(${i * 76}, 0)`}>
          <rect x={0} y={-9} width={10} height={10} fill={SEVERITY_HEX[s]} />
          <text x={14} y={0}>
            {SEVERITY_LABEL[s]}
          </text>
        </g>
      ))}
    </g>
  );
  return (
    <HorizontalBars
      rows={data}
      label="Findings by area and severity"
      axisLeft={90}
      max={max}
      legend={legend}
      name={(r) => r.area}
      bars={(r, x, y, h) => {
        let at = 0;
        return STACKED.map((s) => {
          const from = at;
          at += r[s];
          return r[s] > 0 ? (
            <rect key={s} className="kp-bar" x={x(from)} y={y} width={x(at) - x(from)} height={h} fill={SEVERITY_HEX[s]}>
              <title>{`${r.title}: ${r[s]} ${SEVERITY_LABEL[s].toLowerCase()}`}</title>
            </rect>
          ) : null;
        });
      }}
    />
  );
}

export function NamespaceScoreBars({ data }: { data: NamespaceScoreRow[] }) {
  return (
    <HorizontalBars
      rows={data}
      label="Score by namespace"
      axisLeft={116}
      max={100}
      name={(r) => r.name}
      bars={(r, x, y, h) =>
        r.score > 0 && (
          <rect className="kp-bar" x={x(0)} y={y} width={x(r.score) - x(0)} height={h} fill={BAND_HEX[scoreBand(r.score)]}>
            <title>{`${r.name}: ${r.score}`}</title>
          </rect>
        )
      }
    />
  );
}

export function TrendLine({ data }: { data: TrendPoint[] }) {
  const left = 36;
  const right = W - 12;
  const top = 8;
  const bottom = H - 20;
  const x = (i: number) => left + (data.length > 1 ? ((right - left) * i) / (data.length - 1) : (right - left) / 2);
  const y = (v: number) => bottom - ((bottom - top) * v) / 100;
  const every = Math.max(1, Math.ceil(data.length / 8)); // at most ~8 date labels
  return (
    <Frame label="Cluster score over time">
      {[0, 25, 50, 75, 100].map((v) => (
        <g key={v}>
          <line x1={left} x2={right} y1={y(v)} y2={y(v)} stroke={GRID} strokeOpacity={0.35} strokeDasharray="3 3" />
          <text x={left - 6} y={y(v)} dominantBaseline="middle" textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      {data.map((d, i) =>
        i % every === 0 ? (
          <text key={`t${i}`} x={x(i)} y={bottom + 14} textAnchor="middle">
            {d.at.slice(0, 10)}
          </text>
        ) : null,
      )}
      <polyline className="kp-line" points={data.map((d, i) => `${x(i)},${y(d.score)}`).join(' ')} fill="none" stroke="#2563eb" strokeWidth={2} />
      {data.map((d, i) => (
        <circle key={`p${i}`} cx={x(i)} cy={y(d.score)} r={3} fill="#2563eb">
          <title>{`${d.at.slice(0, 16).replace('T', ' ')}: ${d.score}`}</title>
        </circle>
      ))}
    </Frame>
  );
}
