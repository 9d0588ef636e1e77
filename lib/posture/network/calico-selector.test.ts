import { describe, expect, it } from 'vitest';
import { parseCalicoSelector } from './calico-selector';

const labels = { app: 'web', tier: 'front', 'projectcalico.org/namespace': 'shop', version: 'v2.1' };

const matches = (expr: string | undefined) => {
  const p = parseCalicoSelector(expr);
  if ('error' in p) throw new Error(p.error);
  return p.matches(labels);
};

describe('parseCalicoSelector', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['all()', true],
    ['global()', false],
    ["app == 'web'", true],
    ['app == "api"', false],
    ["app != 'api'", true],
    ["team != 'x'", true],
    ['has(tier)', true],
    ['!has(tier)', false],
    ["app in {'api', 'web'}", true],
    ["app not in {'web'}", false],
    ["team not in {'x'}", true],
    ["projectcalico.org/namespace not in {'kube-system', 'calico-system'}", true],
    ["version starts with 'v2'", true],
    ["version ends with '.1'", true],
    ["version contains '2.'", true],
    ["app == 'web' && (tier == 'back' || has(version))", true],
    ["app == 'web' && tier == 'back' || app == 'api'", false],
    ["!(app == 'api')", true],
  ])('%s → %s', (expr, expected) => {
    expect(matches(expr)).toBe(expected);
  });

  it('refuses what it cannot read, saying why, and lists the keys it reads', () => {
    for (const bad of ["app =~ 'w.*'", "app == 'web' &&", "app in {'web'", 'has(app', 'inner', "app == web"]) {
      expect(parseCalicoSelector(bad), bad).toEqual({ error: expect.stringContaining(`Calico selector "${bad}" cannot be read here`) });
    }
    const p = parseCalicoSelector("has(team) && projectcalico.org/namespace == 'x'");
    expect('keys' in p && [...p.keys]).toEqual(['team', 'projectcalico.org/namespace']);
  });
});
