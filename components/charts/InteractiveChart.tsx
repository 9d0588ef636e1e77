'use client';
// Shows the server-drawn SVG chart (its children) and swaps in the interactive recharts version
// the first time a viewer points at it or touches it. Until then no chart library is fetched:
// captures, print, the exported HTML and the page's JavaScript budget see only the SVG.
import { useState, type ComponentType, type ReactNode } from 'react';
import type { AreaBarRow, NamespaceScoreRow, TrendPoint } from '../SvgCharts';

type Props = { kind: 'findings'; data: AreaBarRow[] } | { kind: 'namespaces'; data: NamespaceScoreRow[] } | { kind: 'trend'; data: TrendPoint[] };

export function InteractiveChart({ children, ...chart }: Props & { children: ReactNode }) {
  const [Loaded, setLoaded] = useState<ComponentType<{ data: never[] }> | null>(null);
  const [asked, setAsked] = useState(false);
  const load = () => {
    if (asked) return;
    setAsked(true);
    // On failure (offline, a chunk gone after a deploy) the SVG simply stays.
    import('./RechartsCharts').then((m) => setLoaded(() => m.CHARTS[chart.kind] as ComponentType<{ data: never[] }>)).catch(() => undefined);
  };
  return (
    <div className="h-full w-full" data-interactive={Loaded ? 'loaded' : 'svg'} onPointerEnter={load} onTouchStart={load}>
      {Loaded ? <Loaded data={chart.data as never[]} /> : children}
    </div>
  );
}
