// Inventory lists are sorted by namespace (compareObjects; workloads likewise), so one
// namespace's objects are one contiguous run, found by binary search instead of a scan of the
// whole cluster: the incremental path asks for single namespaces after every change.
import type { K8sObject, Workload } from './types';

const collate = new Intl.Collator().compare;

function lowerBound<T>(list: readonly T[], before: (t: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `namespace`'s run is in a list sorted by the namespace `of` each item. */
export function namespaceRun<T>(list: readonly T[], namespace: string, of: (t: T) => string): { start: number; end: number } {
  return { start: lowerBound(list, (t) => collate(of(t), namespace) < 0), end: lowerBound(list, (t) => collate(of(t), namespace) <= 0) };
}

// The exact test after the search: the collator calls canonically equivalent strings equal.
export function objectsInNamespace(list: readonly K8sObject[], namespace: string): K8sObject[] {
  const { start, end } = namespaceRun(list, namespace, (o) => o.metadata.namespace ?? '');
  return list.slice(start, end).filter((o) => o.metadata.namespace === namespace);
}

export function workloadsInNamespace(workloads: readonly Workload[], namespace: string): Workload[] {
  const { start, end } = namespaceRun(workloads, namespace, (w) => w.namespace);
  return workloads.slice(start, end).filter((w) => w.namespace === namespace);
}
