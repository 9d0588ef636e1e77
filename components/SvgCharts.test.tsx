import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FindingsBars, fitLabel, NamespaceScoreBars, ticks, TrendLine } from './SvgCharts';

const area = (name: string, critical: number, high: number) => ({ area: name, title: `${name} area`, critical, high, medium: 0, low: 0, info: 5 });

describe('SvgCharts', () => {
  it('draws one bar per non-zero severity of each area, info left out, in the HTML', () => {
    const html = renderToStaticMarkup(<FindingsBars data={[area('RBAC', 2, 3), area('Hosts', 0, 1)]} />);
    expect(html.match(/class="kp-bar"/g)).toHaveLength(3);
    expect(html).toContain('<title>RBAC area: 3 high</title>');
    expect(html).not.toContain('info');
  });

  it('escapes names from the cluster and draws no bar for a zero score', () => {
    const html = renderToStaticMarkup(
      <NamespaceScoreBars
        data={[
          { name: '<img src=x onerror=alert(1)>', score: 40 },
          { name: 'zero', score: 0 },
        ]}
      />,
    );
    expect(html).not.toContain('<img');
    expect(html.match(/class="kp-bar"/g)).toHaveLength(1);
  });

  it('draws the trend as one line through every snapshot', () => {
    const html = renderToStaticMarkup(
      <TrendLine
        data={[
          { at: '2026-01-01T00:00:00Z', score: 40 },
          { at: '2026-01-02T00:00:00Z', score: 60 },
        ]}
      />,
    );
    expect(html.match(/class="kp-line"/g)).toHaveLength(1);
    expect(html.match(/<circle/g)).toHaveLength(2);
  });

  it('picks round axis steps that cover the largest value', () => {
    expect(ticks(0)).toEqual([0]);
    expect(ticks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(ticks(106).at(-1)).toBeGreaterThanOrEqual(106);
  });

  it('cuts a long name to the space left of the axis, keeping its start, and shows the full name on the bar', () => {
    expect(fitLabel('kubernetes-dashboard', 106)).toBe('kubernetes-dash…');
    expect(fitLabel('payments', 106)).toBe('payments');
    const html = renderToStaticMarkup(<NamespaceScoreBars data={[{ name: 'kubernetes-dashboard', score: 40 }]} />);
    expect(html).toContain('>kubernetes-dash…</text>');
    expect(html).toContain('<title>kubernetes-dashboard: 40</title>');
  });
});
