// Sorting, filtering and paging the namespace table from URL parameters.
import type { NamespaceSummary } from './types';

export type NamespaceSort = 'score' | 'name' | 'critical' | 'workloads';
export interface NamespaceListQuery {
  q?: string;
  sort: NamespaceSort;
  page: number;
}

export const NAMESPACES_PER_PAGE = 100;
const SORTS: NamespaceSort[] = ['score', 'name', 'critical', 'workloads'];

export function parseNamespaceListQuery(params: Record<string, string | string[] | undefined>): NamespaceListQuery {
  const one = (k: string) => {
    const v = params[k];
    return (Array.isArray(v) ? v[0] : v)?.slice(0, 200) || undefined;
  };
  const sort = one('sort') as NamespaceSort | undefined;
  const page = Number(one('page') ?? 1);
  return { q: one('q'), sort: sort && SORTS.includes(sort) ? sort : 'score', page: Number.isInteger(page) && page > 0 ? page : 1 };
}

/** Worst first by default: lowest score, then most critical findings. */
export function listNamespaces(
  all: readonly NamespaceSummary[],
  q: NamespaceListQuery,
): { rows: NamespaceSummary[]; total: number; pages: number; page: number } {
  const text = q.q?.toLowerCase();
  const rows = all.filter((n) => !text || n.name.toLowerCase().includes(text));
  const bySeverity = (a: NamespaceSummary, b: NamespaceSummary) =>
    b.counts.critical - a.counts.critical || b.counts.high - a.counts.high || b.counts.medium - a.counts.medium;
  const compare: Record<NamespaceSort, (a: NamespaceSummary, b: NamespaceSummary) => number> = {
    score: (a, b) => a.score - b.score || bySeverity(a, b) || a.name.localeCompare(b.name),
    name: (a, b) => a.name.localeCompare(b.name),
    critical: (a, b) => bySeverity(a, b) || a.score - b.score || a.name.localeCompare(b.name),
    workloads: (a, b) => b.objects.workloads - a.objects.workloads || a.name.localeCompare(b.name),
  };
  rows.sort(compare[q.sort]);
  const pages = Math.max(1, Math.ceil(rows.length / NAMESPACES_PER_PAGE));
  const page = Math.min(q.page, pages);
  return { rows: rows.slice((page - 1) * NAMESPACES_PER_PAGE, page * NAMESPACES_PER_PAGE), total: rows.length, pages, page };
}
