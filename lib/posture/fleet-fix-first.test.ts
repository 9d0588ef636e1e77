import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { listPaths } from './attack-paths-list';
import { computePosture } from './engine';
import { FIX_SUMMARY_MAX, fixSummary, fleetFixFirst, fleetFixHref, type FixSummary } from './fleet-fix-first';

const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });

const fix = (name: string, admin: number, node: number, more: Partial<FixSummary> = {}): FixSummary => ({
  kind: 'ClusterRoleBinding',
  namespace: null,
  name,
  field: 'subjects',
  change: 'remove Group system:authenticated from subjects',
  admin,
  node,
  ...more,
});

describe('fixSummary', () => {
  it('keeps each fix-first change of a report small: the object, the change, what it cuts, the id of the path it cuts', () => {
    const s = fixSummary(doc);
    const ff = doc.attackPaths!.fixFirst;
    expect(s).toHaveLength(Math.min(ff.length, FIX_SUMMARY_MAX));
    expect(s[0]).toMatchObject({ kind: 'ClusterRoleBinding', name: 'ci-deployer-cluster-admin', admin: ff[0]!.removes['cluster-admin'], node: ff[0]!.removes.node });
    expect(s[0]).not.toHaveProperty('patch');
    // The path id is one the cluster's attack-paths page lists.
    const ids = new Set(listPaths(doc.attackPaths).map((p) => p.id));
    expect(s.filter((f) => f.path).length).toBeGreaterThan(0);
    for (const f of s) if (f.path) expect(ids.has(f.path)).toBe(true);
    expect(JSON.stringify(s).length).toBeLessThan(8_000);
  });

  it('is empty for a report without attack paths (older agents)', () => {
    expect(fixSummary({})).toEqual([]);
  });

  it('clips long texts', () => {
    const long = { ...doc, attackPaths: { ...doc.attackPaths!, fixFirst: [{ ...doc.attackPaths!.fixFirst[0]!, change: 'x'.repeat(5000) }] } };
    expect(fixSummary(long)[0]!.change.length).toBeLessThanOrEqual(300);
  });
});

describe('fleetFixFirst', () => {
  it('groups the same change across clusters and ranks by paths cut to cluster-admin, then to nodes', () => {
    const out = fleetFixFirst([
      { name: 'a', fixes: [fix('everyone-admin', 5, 1, { path: 'p1' }), fix('priv', 0, 9, { kind: 'DaemonSet', namespace: 'ops', field: 'spec.template.spec.containers[x].securityContext.privileged', change: 'set privileged: false' })] },
      { name: 'b', fixes: [fix('everyone-admin', 7, 0)] },
      { name: 'c', fixes: [fix('priv', 0, 4, { kind: 'DaemonSet', namespace: 'ops', field: 'spec.template.spec.containers[x].securityContext.privileged', change: 'set privileged: false' }), fix('other', 3, 0)] },
    ]);
    expect(out.map((f) => [f.kind, f.name, f.admin, f.node, f.clusters.map((c) => c.name)])).toEqual([
      ['ClusterRoleBinding', 'everyone-admin', 12, 1, ['b', 'a']],
      ['ClusterRoleBinding', 'other', 3, 0, ['c']],
      ['DaemonSet', 'priv', 0, 13, ['a', 'c']],
    ]);
    expect(out[0]!.clusters[1]).toEqual({ name: 'a', admin: 5, node: 1, path: 'p1' });
  });

  it('keeps a different change, or the same name in another namespace, apart', () => {
    const out = fleetFixFirst([
      { name: 'a', fixes: [fix('x', 1, 0)] },
      { name: 'b', fixes: [fix('x', 1, 0, { change: 'delete the binding (its only subject is Group system:authenticated)' })] },
      { name: 'c', fixes: [fix('x', 1, 0, { kind: 'RoleBinding', namespace: 'shop' })] },
      { name: 'd', fixes: [fix('x', 1, 0, { kind: 'RoleBinding', namespace: 'crm' })] },
    ]);
    expect(out).toHaveLength(4);
    expect(out.every((f) => f.clusters.length === 1)).toBe(true);
  });

  it('shows only the clusters given (the viewer’s), leaves out changes that cut nothing, and keeps the top', () => {
    expect(fleetFixFirst([{ name: 'a', fixes: [fix('x', 0, 0)] }])).toEqual([]);
    expect(fleetFixFirst([])).toEqual([]);
    const many = fleetFixFirst([{ name: 'a', fixes: Array.from({ length: 20 }, (_, i) => fix(`b${i}`, i + 1, 0)) }], 5);
    expect(many.map((f) => f.admin)).toEqual([20, 19, 18, 17, 16]);
  });

  it('counts a change a summary repeats once per cluster', () => {
    const out = fleetFixFirst([{ name: 'a', fixes: [fix('x', 2, 0), fix('x', 2, 0)] }]);
    expect(out[0]!.admin).toBe(2);
    expect(out[0]!.clusters).toHaveLength(1);
  });
});

describe('fleetFixHref', () => {
  it('links to the path on the cluster’s attack-paths page, else to the object’s page', () => {
    const f = { kind: 'ClusterRoleBinding', namespace: null, name: 'system:x' };
    expect(fleetFixHref('prod-eu', f, 'abc1')).toBe('/fleet/prod-eu/attack-paths?path=abc1');
    expect(fleetFixHref('prod-eu', f)).toBe('/fleet/prod-eu/objects/ClusterRoleBinding/_/system%3Ax');
    expect(fleetFixHref('prod-eu', { kind: 'DaemonSet', namespace: 'ops', name: 'agent' })).toBe('/fleet/prod-eu/objects/DaemonSet/ops/agent');
  });
});
