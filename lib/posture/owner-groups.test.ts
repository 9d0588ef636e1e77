import { describe, expect, it } from 'vitest';
import { filterFindings, findingsQueryString, parseFindingsQuery } from './findings-query';
import { listNamespaces, parseNamespaceListQuery } from './namespace-list';
import { groupByOwner, NO_OWNER, ownersOf } from './owner-groups';
import { emptyCounts } from './scoring';
import type { Finding, NamespaceSummary } from './types';

const f = (name: string, owner?: string, severity: Finding['severity'] = 'high'): Finding => ({
  checkId: 'a.b',
  area: 'rbac',
  severity,
  title: 't',
  message: 'm',
  remediation: 'r',
  resource: { kind: 'Deployment', namespace: 'ns', name },
  ...(owner ? { owner } : {}),
});
const ns = (name: string, score: number, owner?: string): NamespaceSummary => ({
  name,
  score,
  counts: emptyCounts(),
  podSecurity: null,
  objects: { workloads: 1, pods: 1, networkPolicies: 0, resourceQuotas: 0, limitRanges: 0 },
  ...(owner ? { owner } : {}),
});

describe('owners: filter and group', () => {
  const findings = [f('a', 'web'), f('b'), f('c', 'api', 'critical'), f('d', 'web', 'low')];

  it('lists the owners alphabetically, the unowned last', () => {
    expect(ownersOf(findings, (x) => x.owner)).toEqual(['api', 'web', NO_OWNER]);
    expect(ownersOf([f('a', 'web')], (x) => x.owner)).toEqual(['web']);
  });

  it('groups findings by owner, keeping the chosen order inside each group', () => {
    const q = parseFindingsQuery({ group: 'owner' });
    expect(findingsQueryString(q)).toBe('?group=owner');
    const sorted = filterFindings(findings, q);
    expect(sorted.map((x) => x.resource.name)).toEqual(['c', 'a', 'd', 'b']);
    expect(groupByOwner(sorted, (x) => x.owner).map((g) => [g.owner, g.rows.map((x) => x.resource.name)])).toEqual([
      ['api', ['c']],
      ['web', ['a', 'd']],
      [null, ['b']],
    ]);
    // Not asked for: no grouping, and an unknown value is ignored.
    expect(parseFindingsQuery({ group: 'severity' }).group).toBeUndefined();
  });

  it('filters findings by one owner or by none', () => {
    const names = (owner: string) => filterFindings(findings, parseFindingsQuery({ owner })).map((x) => x.resource.name);
    expect(names('web')).toEqual(['a', 'd']);
    expect(names(NO_OWNER)).toEqual(['b']);
    expect(names('nobody')).toEqual([]);
  });

  it('filters and groups namespaces by owner, worst first inside each owner', () => {
    const all = [ns('shop', 79, 'team-shop'), ns('crm', 49, 'team-crm'), ns('kube-system', 79), ns('cart', 49, 'team-shop')];
    const grouped = listNamespaces(all, parseNamespaceListQuery({ group: 'owner' })).rows;
    expect(grouped.map((n) => n.name)).toEqual(['crm', 'cart', 'shop', 'kube-system']);
    expect(listNamespaces(all, parseNamespaceListQuery({ owner: 'team-shop' })).rows.map((n) => n.name)).toEqual(['cart', 'shop']);
    expect(listNamespaces(all, parseNamespaceListQuery({ owner: NO_OWNER })).rows.map((n) => n.name)).toEqual(['kube-system']);
  });
});

describe('owners on the demo', () => {
  it('come from the namespaces’ team label, on namespaces and their findings', async () => {
    const { scanDemo } = await import('../cluster/offline');
    const { computePosture } = await import('./engine');
    const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T10:00:00Z') });
    expect(doc.namespaces.find((n) => n.name === 'payments')!.owner).toBe('team-payments');
    expect(doc.namespaces.find((n) => n.name === 'kube-system')!.owner).toBeUndefined();
    const crm = doc.findings.filter((x) => x.resource.namespace === 'legacy-crm');
    expect(crm.length).toBeGreaterThan(0);
    expect(crm.every((x) => x.owner === 'team-crm')).toBe(true);
    expect(ownersOf(doc.namespaces, (n) => n.owner)).toEqual(['platform', 'team-crm', 'team-ml', 'team-payments', 'team-shop', NO_OWNER]);
  }, 60_000);
});
