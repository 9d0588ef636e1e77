// Sorting, filtering and paging the namespace table from URL parameters.
import { compareOwners, ownerMatches } from './owner-groups';
import { SEVERITY_WEIGHT } from './scoring';
import { SEVERITIES, type NamespaceSummary } from './types';

/** Open findings weighted by severity (accepted and by-design ones are not in the counts). */
export function openWeightedRisk(n: Pick<NamespaceSummary, 'counts'>): number {
  return SEVERITIES.reduce((sum, s) => sum + n.counts[s] * SEVERITY_WEIGHT[s], 0);
}

/**
 * Worst first: lowest score, then (the score caps leave many namespaces tied at 49 or 79) the
 * most open weighted risk, then the name. The one order of the namespaces table, the overview's
 * chart and worst namespaces, and the HTML export, so they agree.
 */
export function compareNamespacesWorstFirst(a: NamespaceSummary, b: NamespaceSummary): number {
  return a.score - b.score || openWeightedRisk(b) - openWeightedRisk(a) || a.name.localeCompare(b.name);
}

export type NamespaceSort = 'score' | 'name' | 'critical' | 'workloads';
export interface NamespaceListQuery {
  q?: string;
  /** Only namespaces whose owner (POSTURE_OWNER_KEYS) is this; NO_OWNER ("(none)") for the unowned. */
  owner?: string;
  /** owner: grouped by owner (named owners alphabetically, the unowned last), sorted within each. */
  group?: 'owner';
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
  return { q: one('q'), owner: one('owner'), group: one('group') === 'owner' ? 'owner' : undefined, sort: sort && SORTS.includes(sort) ? sort : 'score', page: Number.isInteger(page) && page > 0 ? page : 1 };
}

/** Worst first by default (compareNamespacesWorstFirst). */
export function listNamespaces(
  all: readonly NamespaceSummary[],
  q: NamespaceListQuery,
): { rows: NamespaceSummary[]; total: number; pages: number; page: number } {
  const text = q.q?.toLowerCase();
  const rows = all.filter((n) => (!text || n.name.toLowerCase().includes(text)) && ownerMatches(n.owner, q.owner));
  const bySeverity = (a: NamespaceSummary, b: NamespaceSummary) =>
    b.counts.critical - a.counts.critical || b.counts.high - a.counts.high || b.counts.medium - a.counts.medium;
  const compare: Record<NamespaceSort, (a: NamespaceSummary, b: NamespaceSummary) => number> = {
    score: compareNamespacesWorstFirst,
    name: (a, b) => a.name.localeCompare(b.name),
    critical: (a, b) => bySeverity(a, b) || a.score - b.score || a.name.localeCompare(b.name),
    workloads: (a, b) => b.objects.workloads - a.objects.workloads || a.name.localeCompare(b.name),
  };
  rows.sort(compare[q.sort]);
  if (q.group === 'owner') rows.sort((a, b) => compareOwners(a.owner, b.owner));
  const pages = Math.max(1, Math.ceil(rows.length / NAMESPACES_PER_PAGE));
  const page = Math.min(q.page, pages);
  return { rows: rows.slice((page - 1) * NAMESPACES_PER_PAGE, page * NAMESPACES_PER_PAGE), total: rows.length, pages, page };
}
