// One watched change applied to an Inventory, without I/O: the object replaced in its kind's
// sorted list, and the workloads of its namespace derived again. Returns what the change
// touched, so the posture can recompute only that (lib/posture/incremental.ts).
import { compareObjects, deriveWorkloadsAndPods, normalise, objectId, WORKLOAD_SOURCE_KEYS } from './build-inventory';
import { RESOURCES, type Inventory, type PodWorkloads, type ResourceKey } from './inventory';
import { namespaceRun, objectsInNamespace } from './namespace-runs';
import type { K8sObject, Workload } from './types';

export type ResourceChange =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; resource: ResourceKey; object: K8sObject }
  /** After a 410: the kind listed again, all of it. */
  | { type: 'RELIST'; resource: ResourceKey; objects: K8sObject[] };

export interface Touched {
  /** Namespaces whose namespaced objects (or Namespace object) changed. */
  namespaces: Set<string>;
  kinds: Set<ResourceKey>;
  /** inv.workloads changed (a pod or a controller changed). */
  workloads: boolean;
  /** inv.implicitNamespaces changed. */
  implicitNamespaces: boolean;
}

const DEFS = new Map<string, (typeof RESOURCES)[number]>(RESOURCES.map((r) => [r.key, r]));
const WORKLOAD_SOURCES = new Set<string>(WORKLOAD_SOURCE_KEYS);

export function emptyTouched(): Touched {
  return { namespaces: new Set(), kinds: new Set(), workloads: false, implicitNamespaces: false };
}

export function applyChanges(inventory: Inventory, changes: readonly ResourceChange[]): { inventory: Inventory; touched: Touched } {
  const touched = emptyTouched();
  let inv = inventory;
  for (const c of changes) {
    const r = applyChange(inv, c);
    inv = r.inventory;
    for (const n of r.touched.namespaces) touched.namespaces.add(n);
    for (const k of r.touched.kinds) touched.kinds.add(k);
    touched.workloads ||= r.touched.workloads;
    touched.implicitNamespaces ||= r.touched.implicitNamespaces;
  }
  return { inventory: inv, touched };
}

export function applyChange(inv: Inventory, change: ResourceChange): { inventory: Inventory; touched: Touched } {
  const def = DEFS.get(change.resource);
  if (!def) throw new Error(`unknown resource ${change.resource}`);
  const key = def.key as ResourceKey;
  const before = inv.objects[key];
  let list: K8sObject[];
  const namespaces = new Set<string>();
  if (change.type === 'RELIST') {
    const seen = new Set<string>();
    list = [];
    for (const raw of change.objects) {
      const o = normalise({ ...raw, kind: def.kind });
      if (seen.has(objectId(o))) continue;
      seen.add(objectId(o));
      list.push(o);
    }
    list.sort(compareObjects);
    for (const o of [...before, ...list]) namespaces.add(namespaceOf(o, def.namespaced));
  } else {
    const o = normalise({ ...change.object, kind: def.kind });
    namespaces.add(namespaceOf(o, def.namespaced));
    const { index, found } = locate(before, o);
    list = before.slice();
    if (change.type === 'DELETED') {
      if (!found) return { inventory: inv, touched: emptyTouched() };
      list.splice(index, 1);
    } else if (found) list[index] = o;
    else list.splice(index, 0, o);
  }
  if (!def.namespaced && key !== 'namespaces') namespaces.clear(); // a Node, a ClusterRole: no namespace of its own

  const objects = { ...inv.objects, [key]: list };
  let workloads = inv.workloads;
  let podWorkloads = inv.podWorkloads;
  if (WORKLOAD_SOURCES.has(key)) {
    if (change.type === 'RELIST') ({ workloads, podWorkloads } = deriveWorkloadsAndPods(objects));
    else {
      const ns = [...namespaces][0]!;
      const { start, end } = namespaceRun(inv.workloads, ns, (w) => w.namespace);
      const mine = deriveWorkloadsAndPods(sourcesIn(objects, ns));
      const kept = inv.workloads.slice(start, end);
      // Most pod changes (a restart, a status update, a pod of a Deployment) leave the workloads as they were.
      const same = JSON.stringify(mine.workloads) === JSON.stringify(kept);
      if (!same) workloads = [...inv.workloads.slice(0, start), ...mine.workloads, ...inv.workloads.slice(end)];
      if (podWorkloads) podWorkloads = withNamespace(podWorkloads, ns, mine, same ? kept : mine.workloads);
    }
  }
  const touchesWorkloads = workloads !== inv.workloads;
  const implicitNamespaces = def.namespaced || key === 'namespaces' ? refreshImplicit(objects, inv.implicitNamespaces, namespaces) : inv.implicitNamespaces;
  return {
    inventory: { ...inv, objects, workloads, implicitNamespaces, ...(podWorkloads ? { podWorkloads } : {}) },
    touched: { namespaces, kinds: new Set([key]), workloads: touchesWorkloads, implicitNamespaces: implicitNamespaces !== inv.implicitNamespaces },
  };
}

/** The record with namespace `ns`'s pods mapped again, to `workloads` (the namespace's in the inventory, in `mine`'s order). */
function withNamespace(
  record: PodWorkloads,
  ns: string,
  mine: { workloads: Workload[]; podWorkloads: PodWorkloads },
  workloads: readonly Workload[],
): PodWorkloads {
  const at = new Map(mine.workloads.map((w, i) => [w, workloads[i]!]));
  const inner = new Map<K8sObject, Workload>();
  for (const [p, w] of mine.podWorkloads.get(ns) ?? []) inner.set(p, at.get(w)!);
  const next = new Map(record);
  if (inner.size) next.set(ns, inner);
  else next.delete(ns);
  return next;
}

function namespaceOf(o: K8sObject, namespaced: boolean): string {
  return namespaced ? (o.metadata.namespace ?? 'default') : o.metadata.name;
}

/** Where `o` is (or would go) in a list sorted by compareObjects. */
function locate(list: readonly K8sObject[], o: K8sObject): { index: number; found: boolean } {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareObjects(list[mid]!, o) < 0) lo = mid + 1;
    else hi = mid;
  }
  const at = list[lo];
  return { index: lo, found: at !== undefined && at.metadata.name === o.metadata.name && (at.metadata.namespace ?? '') === (o.metadata.namespace ?? '') };
}

function sourcesIn(objects: Inventory['objects'], namespace: string): Inventory['objects'] {
  const subset: Partial<Inventory['objects']> = {};
  for (const k of WORKLOAD_SOURCE_KEYS) subset[k] = objectsInNamespace(objects[k], namespace);
  return subset as Inventory['objects'];
}

/** A namespace is implicit when objects live in it but no Namespace object declares it. */
function refreshImplicit(objects: Inventory['objects'], implicit: string[], namespaces: Set<string>): string[] {
  const declared = new Set(objects.namespaces.filter((n) => namespaces.has(n.metadata.name)).map((n) => n.metadata.name));
  const undeclared = [...namespaces].filter((n) => !declared.has(n));
  const inUse = new Set<string>();
  if (undeclared.length > 0) {
    for (const def of RESOURCES) {
      if (!def.namespaced) continue;
      for (const o of objects[def.key]) if (o.metadata.namespace !== undefined && undeclared.includes(o.metadata.namespace)) inUse.add(o.metadata.namespace);
    }
  }
  const next = new Set(implicit);
  for (const n of namespaces) {
    if (inUse.has(n)) next.add(n);
    else next.delete(n);
  }
  if (next.size === implicit.length && implicit.every((n) => next.has(n))) return implicit;
  return [...next].sort();
}
