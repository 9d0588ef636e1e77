import { describe, expect, it } from 'vitest';
import { areaScore, clusterScore, emptyCounts, passRatio, scoreBand, weightedScore } from './scoring';

const counts = (c: Partial<ReturnType<typeof emptyCounts>> = {}) => ({ ...emptyCounts(), ...c });

describe('scoring', () => {
  it('weights checks by severity and leaves unassessed ones out', () => {
    expect(
      weightedScore([
        { severity: 'critical', assessed: true, passRatio: 1 },
        { severity: 'low', assessed: true, passRatio: 0 },
        { severity: 'high', assessed: false, passRatio: 0 },
      ]),
    ).toBe(Math.round((100 * 10) / 11));
  });

  it('has no score, rather than a perfect one, when nothing could be assessed', () => {
    expect(weightedScore([{ severity: 'high', assessed: false, passRatio: 1 }])).toBeNull();
    expect(areaScore([], counts())).toBeNull();
  });

  it('counts the share of examined objects that fail', () => {
    expect(passRatio(0, 10)).toBe(1);
    expect(passRatio(1, 4)).toBe(0.75);
    expect(passRatio(3, undefined)).toBe(0);
  });

  it('never shows an area with an open critical better than poor, or with an open high better than fair', () => {
    const allPass = [{ severity: 'medium' as const, assessed: true, passRatio: 0.98 }];
    expect(areaScore(allPass, counts({ critical: 1 }))).toBe(49);
    expect(areaScore(allPass, counts({ high: 2 }))).toBe(79);
    expect(areaScore(allPass, counts({ medium: 5 }))).toBe(98);
    expect(scoreBand(49)).toBe('poor');
    expect(scoreBand(79)).toBe('fair');
    expect(scoreBand(80)).toBe('good');
  });

  it('averages the areas that have a score into the cluster score', () => {
    expect(clusterScore([100, null, 50])).toBe(75);
  });
});
