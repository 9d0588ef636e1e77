// Checks with `scope: 'binding'` (check.ts) after a watched change: which bindings' findings the
// change can reach, and the inventory those bindings alone make up. A bare pod running as a
// ServiceAccount that bindings name changes "used by N workloads" in a dozen RBAC checks; each
// re-run whole walks every binding (20,000 on a large cluster), re-run on the bindings naming
// that ServiceAccount it walks a handful. Pure.
import type { Touched } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { namespaceRun, objectsInNamespace } from '../cluster/namespace-runs';
import type { K8sObject } from '../cluster/types';
import { rbacModel, type Grant } from './rbac/model';
import { normaliseSubject } from './rbac/subjects';

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
export function affectedBindings(hits: readonly string[], c: BindingChange, memo: Map<string, K8sObject[] | null>): Set<string> | null {
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
    const changed = changedBindings(c, memo);
    if (!changed) return null;
    for (const o of changed) out.add(keyOf(o));
  }
  return out.size > MAX_BINDINGS ? null : out;
}

/** Whether a read is a binding list, or a memo that only they changed. */
export function isBindingRead(h: string, c: BindingChange): boolean {
  return BINDING_LISTS.has(h) || bindingLocalMemo(h, c);
}

/**
 * For namespace-scoped checks that see bindings only through the ServiceAccounts they name
 * (Check.bindingsBySubject): the namespaces of the ServiceAccounts the changed bindings name,
 * before and after, directly, as `system:serviceaccount:<ns>:<name>` or through the group
 * `system:serviceaccounts:<ns>`; null when one names every ServiceAccount (system:serviceaccounts,
 * system:authenticated) or too many bindings changed.
 */
export function subjectNamespaces(c: BindingChange, memo: Map<string, K8sObject[] | null>): Set<string> | null {
  const changed = changedBindings(c, memo);
  if (!changed) return null;
  const out = new Set<string>();
  for (const b of changed) {
    for (const raw of Array.isArray(b.subjects) ? b.subjects : []) {
      const s = typeof raw === 'object' && raw !== null ? normaliseSubject(raw, b.metadata.namespace) : null;
      if (!s) continue;
      if (s.kind === 'ServiceAccount') out.add(s.namespace!);
      else if (s.kind === 'Group' && s.name.startsWith('system:serviceaccounts:')) out.add(s.name.slice('system:serviceaccounts:'.length));
      else if (s.kind === 'Group' && (s.name === 'system:serviceaccounts' || s.name === 'system:authenticated')) return null;
    }
  }
  return out;
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
  const index = bindingsByServiceAccount(rbacModel(inv).grants);
  for (const sa of serviceAccounts) for (const k of index.get(sa) ?? []) out.add(k);
  return out;
}

const byServiceAccount = new WeakMap<readonly Grant[], Map<string, string[]>>();

/** Per model (its grants), the bindings naming each ServiceAccount: asked after every pod change. */
function bindingsByServiceAccount(grants: readonly Grant[]): Map<string, string[]> {
  let m = byServiceAccount.get(grants);
  if (!m) {
    m = new Map();
    for (const g of grants) {
      const s = g.subject;
      if (s.kind !== 'ServiceAccount') continue;
      const sa = `${s.namespace}/${s.name}`;
      const list = m.get(sa) ?? [];
      list.push(`${g.binding.kind}/${g.binding.namespace ?? ''}/${g.binding.name}`);
      m.set(sa, list);
    }
    byServiceAccount.set(grants, m);
  }
  return m;
}

/**
 * Bindings added, removed or replaced by the change, as they were and as they are (the watch
 * replaces a changed object; the others stay the same objects); worked out once per update (`memo`).
 */
function changedBindings(c: BindingChange, memo: Map<string, K8sObject[] | null>): K8sObject[] | null {
  if (!memo.has('bindings')) memo.set('bindings', diffBindings(c.prev, c.next, c.touched));
  return memo.get('bindings')!;
}

function diffBindings(prev: Inventory, next: Inventory, touched: Touched): K8sObject[] | null {
  const out: K8sObject[] = [];
  const diff = (before: readonly K8sObject[], after: readonly K8sObject[]) => {
    if (before === after) return;
    const was = new Map(before.map((o) => [keyOf(o), o]));
    for (const o of after) {
      const k = keyOf(o);
      const old = was.get(k);
      if (old !== o) out.push(o, ...(old ? [old] : []));
      was.delete(k);
    }
    out.push(...was.values());
  };
  diff(prev.objects.clusterrolebindings, next.objects.clusterrolebindings);
  if (prev.objects.rolebindings !== next.objects.rolebindings) {
    if (touched.namespaces.size > MAX_BINDINGS) return null;
    for (const ns of touched.namespaces) diff(objectsInNamespace(prev.objects.rolebindings, ns), objectsInNamespace(next.objects.rolebindings, ns));
  }
  return out.length > 2 * MAX_BINDINGS ? null : out;
}

function keyOf(o: K8sObject): string {
  return `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

// Per ClusterRoleBindings list, where each key stands: a view picks its few bindings without keying them all.
const positions = new WeakMap<readonly K8sObject[], Map<string, number[]>>();

function positionsIn(list: readonly K8sObject[]): Map<string, number[]> {
  let m = positions.get(list);
  if (!m) {
    m = new Map();
    list.forEach((o, i) => {
      const k = keyOf(o);
      const at = m!.get(k);
      if (at) at.push(i);
      else m!.set(k, [i]);
    });
    positions.set(list, m);
  }
  return m;
}

/**
 * What the first change would otherwise build, built with the first posture: the ClusterRoleBindings'
 * positions and the model's bindings by ServiceAccount (lists a pod's change leaves as they were).
 */
export function prepareBindingIndexes(inv: Inventory): void {
  positionsIn(inv.objects.clusterrolebindings);
  bindingsByServiceAccount(rbacModel(inv).grants);
}

/** The inventory with only these bindings (in their order): what a binding-scoped check says of them. */
export function bindingView(inv: Inventory, bindings: Set<string>): Inventory {
  const at = positionsIn(inv.objects.clusterrolebindings);
  const picked: number[] = [];
  for (const k of bindings) for (const i of at.get(k) ?? []) picked.push(i);
  const clusterrolebindings = picked.sort((a, b) => a - b).map((i) => inv.objects.clusterrolebindings[i]!);
  return { ...inv, objects: { ...inv.objects, clusterrolebindings, rolebindings: roleBindingsAmong(inv.objects.rolebindings, bindings) } };
}

/**
 * The RoleBindings with these keys, in the list's order, looked up in their namespaces' runs: a
 * RoleBinding's change replaces the list, and keying all 20,000 again would cost more than the re-runs.
 */
function roleBindingsAmong(list: readonly K8sObject[], keys: Set<string>): K8sObject[] {
  const namespaces = new Set<string>();
  for (const k of keys) if (k.startsWith('RoleBinding/')) namespaces.add(k.slice('RoleBinding/'.length, k.indexOf('/', 'RoleBinding/'.length)));
  const picked: number[] = [];
  for (const ns of namespaces) {
    const { start, end } = namespaceRun(list, ns, (o) => o.metadata.namespace ?? '');
    for (let i = start; i < end; i++) if (keys.has(keyOf(list[i]!))) picked.push(i);
  }
  return picked.sort((a, b) => a - b).map((i) => list[i]!);
}
