import { describe, expect, it } from 'vitest';
import { describeSelector, isEmptySelector, matchesSelector } from './label-selector';

const web = { app: 'web', tier: 'front' };

describe('matchesSelector', () => {
  it('an empty selector selects everything, a missing one nothing', () => {
    expect(matchesSelector({}, web)).toBe(true);
    expect(matchesSelector({}, {})).toBe(true);
    expect(matchesSelector(undefined, web)).toBe(false);
    expect(matchesSelector('app=web', web)).toBe(false);
  });

  it('matchLabels needs every pair', () => {
    expect(matchesSelector({ matchLabels: { app: 'web' } }, web)).toBe(true);
    expect(matchesSelector({ matchLabels: { app: 'web', tier: 'back' } }, web)).toBe(false);
    expect(matchesSelector({ matchLabels: { team: 'x' } }, web)).toBe(false);
  });

  it.each([
    [{ key: 'app', operator: 'In', values: ['api', 'web'] }, true],
    [{ key: 'app', operator: 'In', values: ['api'] }, false],
    [{ key: 'team', operator: 'In', values: ['web'] }, false],
    [{ key: 'app', operator: 'NotIn', values: ['api'] }, true],
    [{ key: 'app', operator: 'NotIn', values: ['web'] }, false],
    [{ key: 'team', operator: 'NotIn', values: ['web'] }, true],
    [{ key: 'tier', operator: 'Exists' }, true],
    [{ key: 'team', operator: 'Exists' }, false],
    [{ key: 'team', operator: 'DoesNotExist' }, true],
    [{ key: 'tier', operator: 'DoesNotExist' }, false],
    [{ key: 'app', operator: 'Equals', values: ['web'] }, false],
  ])('%j → %s', (req, expected) => {
    expect(matchesSelector({ matchExpressions: [req] }, web)).toBe(expected);
  });

  it('matchLabels and matchExpressions are ANDed', () => {
    const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] };
    expect(matchesSelector(sel, web)).toBe(false);
    expect(matchesSelector(sel, { app: 'web', tier: 'back' })).toBe(true);
  });
});

describe('isEmptySelector / describeSelector', () => {
  it('tells {} from a real selector and reads it out', () => {
    expect(isEmptySelector({})).toBe(true);
    expect(isEmptySelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptySelector({ matchLabels: { a: 'b' } })).toBe(false);
    expect(isEmptySelector(undefined)).toBe(false);
    expect(describeSelector({})).toBe('all pods');
    expect(
      describeSelector({
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['a', 'b'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=web, tier in (a,b), !canary');
  });
});
