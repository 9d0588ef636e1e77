import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['2Gi', 2 * 1024 ** 3],
    ['1664Mi', 1664 * 1024 ** 2],
    ['128Ki', 128 * 1024],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['5k', 5000],
    ['1M', 1e6],
    ['100u', 1e-4],
    ['250n', 2.5e-7],
    ['+3', 3],
    ['-1', -1],
    [7, 7],
  ])('%s is %d', (q, v) => {
    expect(parseQuantity(q)).toBeCloseTo(v, 12);
  });

  it.each(['', 'abc', '1 Gi', '1gi', '1Kb', 'Gi', '1.2.3', null, undefined, {}, Number.NaN])('rejects %s', (q) => {
    expect(parseQuantity(q)).toBeNull();
  });
});
