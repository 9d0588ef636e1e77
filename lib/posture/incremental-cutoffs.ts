// Memo cutoffs: how the incremental path (incremental.ts) rules out, cheaply, that a memoised
// value (oncePerInventory) changed. A memo declares its cutoff where it is built
// (`oncePerInventory(inv, key, lists, build, cutoff)`); the engine looks it up here by key and
// imports no check. A cutoff names the reads it can judge and says, from the changed
// namespaces' objects before and after, that the value cannot have changed; then the checks
// that used the value are not re-run for it. Pure.
import type { Touched } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { objectsInNamespace, workloadsInNamespace } from '../cluster/namespace-runs';
import type { K8sObject, Workload } from '../cluster/types';

export interface Cutoff {
  /** The reads it can judge; a memo that read anything else that changed is recomputed. */
  judges: readonly string[];
  unchanged(prev: Inventory, next: Inventory, touched: Touched): boolean;
  /**
   * For a memo whose value is keyed (a Map): the keys whose value the change may have changed,
   * when every changed read is judged. Checks that can re-run on part of the cluster use them
   * (scope 'binding': the bindings naming the changed ServiceAccounts).
   */
  changedKeys?(prev: Inventory, next: Inventory, touched: Touched): Set<string>;
  /**
   * Keeps, for `next`, the value the memo's build would give, worked out from `prev`'s and the
   * changed namespaces (a count updated rather than recounted over the cluster), when every changed read is judged.
   */
  carry?(prev: Inventory, next: Inventory, touched: Touched): void;
}

const cutoffs = new Map<string, Cutoff>();

/** Called by oncePerInventory: the memo `key` may be judged by `cutoff`. One cutoff per key. */
export function registerCutoff(key: string, cutoff: Cutoff): void {
  const known = cutoffs.get(key);
  if (known && known !== cutoff) throw new Error(`memo ${key} declares two cutoffs`);
  cutoffs.set(key, cutoff);
}

/** Every cutoff declared so far: incremental.ts asks each once with nothing changed, so the indexes they keep per list exist before the first change. */
export function declaredCutoffs(): Cutoff[] {
  return [...cutoffs.values()];
}

/** The cutoff a built memo declared, if any. */
export function cutoffFor(key: string): Cutoff | undefined {
  return cutoffs.get(key);
}

const sorted = (namespaces: Set<string>) => [...namespaces].sort(new Intl.Collator().compare);

/** The workloads of some namespaces, in the inventory's order. */
export function workloadsIn(inv: Inventory, namespaces: Set<string>): Workload[] {
  return sorted(namespaces).flatMap((ns) => workloadsInNamespace(inv.workloads, ns));
}

/** A kind's objects in some namespaces, in the inventory's order. */
export function objectsIn(list: readonly K8sObject[], namespaces: Set<string>): K8sObject[] {
  return sorted(namespaces).flatMap((ns) => objectsInNamespace(list, ns));
}

/** Unchanged when the same projection of the changed namespaces' workloads is equal before and after. */
export function sameProjection(project: (ws: Workload[]) => string): Cutoff['unchanged'] {
  return (prev, next, touched) => project(workloadsIn(prev, touched.namespaces)) === project(workloadsIn(next, touched.namespaces));
}
