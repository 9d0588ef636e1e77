// Small readers shared by checks. Pure.
import type { Inventory } from '../../cluster/inventory';
import type { Container, K8sObject, PodSpec, Workload } from '../../cluster/types';
import type { ResourceRef } from '../types';
import { objectsIn, registerCutoff, workloadsIn, type Cutoff } from '../incremental-cutoffs';
import { rawContainers } from '../indexes/containers';
import { workloadIndex } from '../indexes';
import { memoBuild, memoDeps, memoHit, memoStored } from '../read-tracking';

// One ref per workload, shared by every check that names it: ~40 checks examine each of
// 50,000 workloads, and the engine keys each ref once (refKey) rather than once per check.
const workloadRefs = new WeakMap<Workload, ResourceRef>();

export function workloadRef(w: Workload): ResourceRef {
  let r = workloadRefs.get(w);
  if (!r) workloadRefs.set(w, (r = Object.freeze({ kind: w.kind, namespace: w.namespace, name: w.name, apiVersion: w.apiVersion })));
  return r;
}

/**
 * Every workload's ref, one list per inventory: ~30 checks examine every workload, and the engine
 * keys a list it has seen once (runCheck) rather than 12,500 refs again for each check.
 */
export function everyWorkloadRef(inv: Inventory): readonly ResourceRef[] {
  return oncePerInventory(inv, 'refs:workloads', () => [inv.workloads], () => Object.freeze(inv.workloads.map(workloadRef)));
}

export function namespaceRef(name: string): ResourceRef {
  return { kind: 'Namespace', namespace: null, name, apiVersion: 'v1' };
}

export function clusterRef(inv: Inventory): ResourceRef {
  return { kind: 'Cluster', namespace: null, name: inv.cluster.name };
}

/** Every container of a pod spec, init and ephemeral included; tolerant of malformed specs. */
export function allContainers(spec: PodSpec): readonly Container[] {
  return rawContainers(spec); // flattened once per spec (lib/posture/indexes)
}

/** Namespaces that run (or will run) at least one workload: the ones where pod policies matter. */
export function namespacesWithWorkloads(inv: Inventory): string[] {
  return [...workloadIndex(inv).byNamespace.keys()].sort();
}

export function byNamespace(objects: K8sObject[]): Map<string, K8sObject[]> {
  const m = new Map<string, K8sObject[]>();
  for (const o of objects) {
    const ns = o.metadata.namespace ?? '';
    const list = m.get(ns);
    if (list) list.push(o);
    else m.set(ns, [o]);
  }
  return m;
}

const namespaceIndexes = new WeakMap<readonly K8sObject[], Map<string, K8sObject>>();

/** The Namespace objects by name, once per list (a pod's change leaves the list as it was). */
export function namespacesByName(namespaces: readonly K8sObject[]): ReadonlyMap<string, K8sObject> {
  let m = namespaceIndexes.get(namespaces);
  if (!m) namespaceIndexes.set(namespaces, (m = new Map(namespaces.map((n) => [n.metadata.name, n]))));
  return m;
}

export function labelsOf(o: K8sObject): Record<string, string> {
  const l = o.metadata.labels;
  return typeof l === 'object' && l !== null ? l : {};
}

/**
 * The workload that stands for an object named by kind/namespace/name: a report about
 * ReplicaSet web-5d8f belongs to Deployment web.
 */
export function workloadFor(inv: Inventory, kind: string, namespace: string, name: string): Workload | undefined {
  return resolveOwner(ownerIndex(inv), kind, namespace, name);
}

/** workloadFor on an index of some namespaces' objects (ownerIndexOf): owners are in the object's namespace. */
export function resolveOwner({ workloads, owned }: OwnerIndex, kind: string, namespace: string, name: string): Workload | undefined {
  let cur = { kind, name };
  for (let hops = 0; hops < 8; hops++) {
    const key = `${cur.kind}/${namespace}/${cur.name}`;
    const hit = workloads.get(key);
    if (hit) return hit;
    const obj = owned.get(key);
    const owner = obj?.metadata.ownerReferences?.find((r) => r?.controller) ?? obj?.metadata.ownerReferences?.[0];
    if (!owner) return undefined;
    cur = { kind: owner.kind, name: owner.name };
  }
  return undefined;
}

export interface OwnerIndex {
  workloads: Map<string, Workload>;
  owned: Map<string, K8sObject>;
}

export const OWNED_KINDS = ['replicasets', 'jobs', 'pods', 'replicationcontrollers'] as const;

/** Who owns what, in the changed namespaces: the owner index answers from this alone. */
function ownership(inv: Inventory, namespaces: Set<string>): string {
  const workloads = workloadsIn(inv, namespaces).map((w) => `${w.kind}/${w.namespace}/${w.name}`);
  const owned = OWNED_KINDS.map((k) =>
    objectsIn(inv.objects[k], namespaces).map((o) => [o.metadata.namespace, o.metadata.name, o.metadata.ownerReferences ?? null]),
  );
  return JSON.stringify([workloads, owned]);
}

// Resolving a report's object to its workload reads names and ownerReferences only.
const OWNER_INDEX_CUTOFF: Cutoff = {
  judges: ['workloads', ...OWNED_KINDS.map((k) => `objects.${k}`)],
  unchanged: (prev, next, touched) => ownership(prev, touched.namespaces) === ownership(next, touched.namespaces),
};

// Built once per inventory: a per-call index made every lookup linear in the cluster's size,
// so resolving thousands of reports was quadratic.
function ownerIndex(inv: Inventory): OwnerIndex {
  const lists = () => [inv.workloads, inv.objects.replicasets, inv.objects.jobs, inv.objects.pods, inv.objects.replicationcontrollers];
  return oncePerInventory(
    inv,
    'owner-index',
    lists,
    () =>
      ownerIndexOf(
        inv.workloads,
        OWNED_KINDS.map((k) => inv.objects[k]),
      ),
    OWNER_INDEX_CUTOFF,
  );
}

/** The owner index of these workloads and owned objects (all of them, or some namespaces'). */
export function ownerIndexOf(workloadList: readonly Workload[], ownedLists: readonly (readonly K8sObject[])[]): OwnerIndex {
  const workloads = new Map<string, Workload>();
  for (const w of workloadList) workloads.set(`${w.kind}/${w.namespace}/${w.name}`, w);
  const owned = new Map<string, K8sObject>();
  for (const list of ownedLists) {
    for (const o of list) {
      const key = `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
      if (!owned.has(key)) owned.set(key, o); // the first match wins, as a linear find would
    }
  }
  return { workloads, owned };
}

const memos = new WeakMap<Inventory, Map<string, { from: readonly unknown[]; value: unknown }>>();

/**
 * An index derived from the inventory, built once per inventory rather than once per lookup:
 * checks that search a list for every workload are quadratic on large clusters. `from` names the
 * lists it reads; if any was replaced since, it is rebuilt. `cutoff`, if given, lets the
 * incremental path tell cheaply that the value did not change (incremental-cutoffs.ts).
 */
export function oncePerInventory<T>(
  inv: Inventory,
  key: string,
  fromLists: readonly unknown[] | (() => readonly unknown[]),
  build: () => T,
  cutoff?: Cutoff,
): T {
  if (cutoff) registerCutoff(key, cutoff);
  // As a function, reading the lists counts as the memo's read, not the caller's (read-tracking.ts).
  const from = typeof fromLists === 'function' ? memoDeps(key, fromLists) : fromLists;
  let perInv = memos.get(inv);
  if (!perInv) memos.set(inv, (perInv = new Map()));
  const hit = perInv.get(key);
  if (hit && hit.from.length === from.length && hit.from.every((l, i) => l === from[i])) {
    memoHit(hit); // incremental recomputation: this caller depends on what the build read
    return hit.value as T;
  }
  const entry = { from, value: memoBuild(key, build) };
  memoStored(entry, key);
  perInv.set(key, entry);
  return entry.value;
}

/** Namespaces that run workloads but hold none of `objects` (e.g. no NetworkPolicy). */
export function namespacesWithout(inv: Inventory, objects: K8sObject[]): string[] {
  const present = new Set(objects.map((o) => o.metadata.namespace));
  return namespacesWithWorkloads(inv).filter((ns) => !present.has(ns));
}
