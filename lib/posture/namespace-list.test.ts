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
