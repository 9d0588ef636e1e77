import { describe, expect, it } from 'vitest';
import type { Finding } from '@/lib/posture/types';
import { comparePostures, findingKey } from './compare';
import { sampleDocument } from './test-fixtures';

const f = (checkId: string, name: string, ns: string | null = 'shop', message = 'm'): Finding => ({
  checkId,
  area: 'rbac',
  severity: 'high',
  title: 't',
  message,
  remediation: 'r',
  resource: { kind: 'Deployment', namespace: ns, name },
});

describe('comparePostures', () => {
  it('identical documents: nothing new or fixed, zero deltas', () => {
    const d = sampleDocument();
    const c = comparePostures(d, d);
    expect(c.counts).toEqual({ new: 0, fixed: 0, unchanged: new Set(d.findings.map(findingKey)).size });
    expect(c.score.delta).toBe(0);
    for (const a of c.areas) expect(a.delta === null || a.delta === 0).toBe(true);
  });

  it('identity is checkId + resource, not position or message', () => {
    const a = { ...sampleDocument(), findings: [f('x', 'a'), f('y', 'b'), f('z', 'c')] };
    const b = { ...sampleDocument(), findings: [f('z', 'c', 'shop', 'other text'), f('x', 'a'), f('x', 'a', 'web'), f('y', 'b2')] };
    const c = comparePostures(a, b);
    expect(c.findings.unchanged.map((x) => x.checkId).sort()).toEqual(['x', 'z']);
    expect(c.findings.new.map((x) => `${x.checkId}/${x.resource.namespace}/${x.resource.name}`).sort()).toEqual(['x/web/a', 'y/shop/b2']);
    expect(c.findings.fixed.map((x) => x.resource.name)).toEqual(['b']);
    expect(c.counts).toEqual({ new: 2, fixed: 1, unchanged: 2 });
  });

  it('cluster-scoped and namespaced resources of the same name differ', () => {
    const c = comparePostures({ ...sampleDocument(), findings: [f('x', 'a', null)] }, { ...sampleDocument(), findings: [f('x', 'a', 'shop')] });
    expect(c.counts).toEqual({ new: 1, fixed: 1, unchanged: 0 });
  });

  it('score deltas per area and namespace, null when one side has none', () => {
    const from = sampleDocument();
    const to = sampleDocument({ privileged: true });
    const c = comparePostures(from, to);
    expect(c.score).toEqual({ key: 'cluster', from: from.score, to: to.score, delta: to.score - from.score });
    const shop = c.namespaces.find((n) => n.key === 'shop')!;
    expect(shop.delta).toBe(to.namespaces.find((n) => n.name === 'shop')!.score - from.namespaces.find((n) => n.name === 'shop')!.score);
    expect(c.areas.map((a) => a.key)).toEqual(from.areas.map((a) => a.id));
    const gone = comparePostures(from, { ...to, namespaces: to.namespaces.filter((n) => n.name !== 'web') });
    expect(gone.namespaces.find((n) => n.key === 'web')).toMatchObject({ to: null, delta: null });
    expect(c.counts.new).toBeGreaterThan(0);
  });
});
