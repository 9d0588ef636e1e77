// Checks with `scope: 'binding'` (check.ts) after a watched change: which bindings' findings the
// change can reach, and the inventory those bindings alone make up. A bare pod running as a
// ServiceAccount that bindings name changes "used by N workloads" in a dozen RBAC checks; each
// re-run whole walks every binding (20,000 on a large cluster), re-run on the bindings naming
// that ServiceAccount it walks a handful. Pure.
import type { Touched } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { objectsInNamespace } from '../cluster/namespace-runs';
import type { K8sObject } from '../cluster/types';
import { rbacModel } from './rbac/model';

/** The memo of how many workloads run as each ServiceAccount (`namespace/name` → count). */
export const SERVICE_ACCOUNT_USE = 'service-account-use';

const BINDING_LISTS = new Set(['objects.rolebindings', 'objects.clusterrolebindings']);

/** Above this many bindings a re-run on them is no cheaper than a whole one. */
const MAX_BINDINGS = 200;

export interface BindingChange {
  prev: Inventory;
  next: Inventory;
  touched: Touched;
  /** Keys a changed memo's cutoff could name (Cutoff.changedKeys), by memo key. */
  deltas: Map<string, Set<string>>;
  /** What each memo's builds read. */
  memoReads: Map<string, Set<string>>;
  /** Every read the change may have changed (memos included). */
  changed: Set<string>;
}

/**
 * The bindings (engine refKeys: `RoleBinding/ns/name`, `ClusterRoleBinding//name`) whose
 * findings the change may have changed, given what a binding-scoped check read that changed;
 * null when it cannot tell (the roles changed, say) or when there are too many.
 */
export function affectedBindings(hits: readonly string[], c: BindingChange, memo = new Map<string, Set<string> | null>()): Set<string> | null {
  const out = new Set<string>();
  let bindingsChanged = false;
  for (const h of hits) {
    if (h === `memo:${SERVICE_ACCOUNT_USE}`) {
      const keys = c.deltas.get(SERVICE_ACCOUNT_USE);
      if (!keys) return null;
      for (const k of bindingsNaming(c.next, keys)) out.add(k);
    } else if (BINDING_LISTS.has(h) || bindingLocalMemo(h, c)) bindingsChanged = true;
    else return null;
  }
  if (bindingsChanged) {
    const key = 'bindings';
    if (!memo.has(key)) memo.set(key, changedBindings(c.prev, c.next, c.touched));
    const changed = memo.get(key)!;
    if (!changed) return null;
    for (const k of changed) out.add(k);
  }
  return out.size > MAX_BINDINGS ? null : out;
}

/** A memo whose changed reads are only the binding lists (or such memos): what it gives for a binding follows the binding. */
function bindingLocalMemo(h: string, c: BindingChange, seen = new Set<string>()): boolean {
  if (!h.startsWith('memo:') || seen.has(h)) return false;
  seen.add(h);
  const reads = c.memoReads.get(h.slice('memo:'.length));
  if (!reads || reads.has('*') || reads.has('objects.*')) return false;
  return [...reads].every((r) => !c.changed.has(r) || BINDING_LISTS.has(r) || bindingLocalMemo(r, c, seen));
}

/** Bindings that name one of these ServiceAccounts (`namespace/name`), as the RBAC model reads subjects. */
function bindingsNaming(inv: Inventory, serviceAccounts: Set<string>): Set<string> {
  const out = new Set<string>();
  if (serviceAccounts.size === 0) return out;
  for (const g of rbacModel(inv).grants) {
    const s = g.subject;
    if (s.kind === 'ServiceAccount' && serviceAccounts.has(`${s.namespace}/${s.name}`)) out.add(`${g.binding.kind}/${g.binding.namespace ?? ''}/${g.binding.name}`);
  }
  return out;
}

/** Bindings added, removed or replaced by the change (the watch replaces a changed object; the others stay the same objects). */
function changedBindings(prev: Inventory, next: Inventory, touched: Touched): Set<string> | null {
  const out = new Set<string>();
  const diff = (before: readonly K8sObject[], after: readonly K8sObject[]) => {
    if (before === after) return;
    const was = new Map(before.map((o) => [keyOf(o), o]));
    for (const o of after) {
      const k = keyOf(o);
      if (was.get(k) !== o) out.add(k);
      was.delete(k);
    }
    for (const k of was.keys()) out.add(k);
  };
  diff(prev.objects.clusterrolebindings, next.objects.clusterrolebindings);
  if (prev.objects.rolebindings !== next.objects.rolebindings) {
    if (touched.namespaces.size > MAX_BINDINGS) return null;
    for (const ns of touched.namespaces) diff(objectsInNamespace(prev.objects.rolebindings, ns), objectsInNamespace(next.objects.rolebindings, ns));
  }
  return out;
}

function keyOf(o: K8sObject): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

/** The inventory with only these bindings (in their order): what a binding-scoped check says of them. */
export function bindingView(inv: Inventory, bindings: Set<string>): Inventory {
  const only = (list: readonly K8sObject[]) => list.filter((o) => bindings.has(keyOf(o)));
  return {
    ...inv,
    objects: { ...inv.objects, clusterrolebindings: only(inv.objects.clusterrolebindings), rolebindings: only(inv.objects.rolebindings) },
  };
}
