import { describe, expect, it } from 'vitest';
import { emptyCounts } from './scoring';
import { listNamespaces, NAMESPACES_PER_PAGE, parseNamespaceListQuery } from './namespace-list';
import type { NamespaceSummary } from './types';

const ns = (name: string, score: number, critical = 0, workloads = 1): NamespaceSummary => ({
  name,
  score,
  counts: { ...emptyCounts(), critical },
  podSecurity: null,
  objects: { workloads, pods: workloads, networkPolicies: 0, resourceQuotas: 0, limitRanges: 0 },
});

describe('namespace list', () => {
  it('puts the worst first: lowest score, then most critical findings', () => {
    const rows = listNamespaces([ns('a', 90), ns('b', 49, 1), ns('c', 49, 5), ns('d', 100)], parseNamespaceListQuery({})).rows;
    expect(rows.map((r) => r.name)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('filters by name and sorts by the column asked for', () => {
    const all = [ns('team-a', 90, 0, 3), ns('team-b', 40, 0, 9), ns('ops', 10)];
    expect(listNamespaces(all, parseNamespaceListQuery({ q: 'TEAM', sort: 'workloads' })).rows.map((r) => r.name)).toEqual(['team-b', 'team-a']);
    expect(listNamespaces(all, parseNamespaceListQuery({ sort: 'bogus' })).rows[0]!.name).toBe('ops');
  });

  it('pages large lists and clamps a page past the end', () => {
    const all = Array.from({ length: 5000 }, (_, i) => ns(`ns-${String(i).padStart(4, '0')}`, 50));
    const last = listNamespaces(all, parseNamespaceListQuery({ sort: 'name', page: '999' }));
    expect(last).toMatchObject({ total: 5000, pages: 5000 / NAMESPACES_PER_PAGE, page: 50 });
    expect(last.rows).toHaveLength(NAMESPACES_PER_PAGE);
    expect(last.rows.at(-1)!.name).toBe('ns-4999');
  });
});

describe('worst-first ranking on the demo', async () => {
  const { scanDemo } = await import('../cluster/offline');
  const { computePosture } = await import('./engine');
  const { overviewData } = await import('./overview-data');
  const { compareNamespacesWorstFirst, openWeightedRisk } = await import('./namespace-list');
  const inv = await scanDemo();
  const now = new Date('2026-11-22T10:00:00Z');

  it('breaks the score-cap ties by open weighted risk, the same in the table and the overview', () => {
    const doc = computePosture(inv, { now });
    const table = listNamespaces(doc.namespaces, { sort: 'score', page: 1 }).rows;
    const tied = table.filter((n) => n.score === table[0]!.score);
    expect(tied.length).toBeGreaterThan(2); // the demo has several namespaces capped at 49
    for (let i = 1; i < tied.length; i++) expect(openWeightedRisk(tied[i - 1]!)).toBeGreaterThanOrEqual(openWeightedRisk(tied[i]!));
    expect(overviewData(doc).worstNamespaces.map((n) => n.name)).toEqual(table.slice(0, overviewData(doc).worstNamespaces.length).map((n) => n.name));
    expect([...doc.namespaces].sort(compareNamespacesWorstFirst).map((n) => n.name)).toEqual(table.map((n) => n.name));
  });

  it('no longer ranks kube-system worst for its by-design findings; legacy-crm is worst', () => {
    const withCatalogue = listNamespaces(computePosture(inv, { now }).namespaces, { sort: 'score', page: 1 }).rows;
    const without = listNamespaces(computePosture(inv, { now, triage: { catalogue: false } }).namespaces, { sort: 'score', page: 1 }).rows;
    expect(without[0]!.name).toBe('kube-system');
    expect(withCatalogue[0]!.name).toBe('legacy-crm');
    expect(withCatalogue.findIndex((n) => n.name === 'kube-system')).toBeGreaterThan(3);
  });
});
