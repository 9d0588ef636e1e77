// The severity badges beside a total must add up to it, info findings included.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SeverityCounts as Counts } from '@/lib/posture/types';
import { SeverityCounts } from './SeverityCounts';

const badges = (counts: Counts) =>
  [...renderToStaticMarkup(<SeverityCounts counts={counts} />).matchAll(/<li[^>]*title="(\d+) (\w+)"/g)].map((m) => [m[2], Number(m[1])] as const);

describe('SeverityCounts', () => {
  it('shows info when there is any, so the badges sum to the total', () => {
    const counts = { critical: 43, high: 49, medium: 205, low: 70, info: 1 };
    const shown = badges(counts);
    expect(shown.map(([s]) => s)).toEqual(['critical', 'high', 'medium', 'low', 'info']);
    expect(shown.reduce((n, [, c]) => n + c, 0)).toBe(368);
  });
  it('keeps the four muted zeros (rows line up) and leaves info out when there is none', () => {
    expect(badges({ critical: 0, high: 0, medium: 2, low: 0, info: 0 })).toEqual([
      ['critical', 0],
      ['high', 0],
      ['medium', 2],
      ['low', 0],
    ]);
  });
});
