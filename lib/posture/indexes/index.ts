// The inventory indexed once, for every check and the attack-path graph: a check that walks
// 50,000 workloads to find the few in one namespace, on one node or running as one
// ServiceAccount makes the posture quadratic, and ~80 checks each building their own copy of
// the same map made a quarter of the time garbage collection. Each index is built on first use
// per Inventory and kept while the lists it reads are the same (oncePerInventory), so the
// incremental path sees it as one read (`memo:<key>`) of exactly those lists. Pure.
import { podWorkloadsOf, WORKLOAD_SOURCE_KEYS } from '../../cluster/build-inventory';
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject, Workload } from '../../cluster/types';
import { oncePerInventory } from '../checks/helpers';
import { subjectKey } from '../rbac/subjects';
import { subjectsOf } from '../checks/rbac/support/bindings';

export { flatContainers, rawContainers, type FlatContainer } from './containers';
export { backends, selects } from './services';

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

const NONE: readonly never[] = Object.freeze([]);

/** The ServiceAccount a pod spec runs as: serviceAccountName, the deprecated serviceAccount, else default. */
export function serviceAccountOfSpec(spec: Workload['spec'] | undefined): string {
  const s = (spec ?? {}) as { serviceAccountName?: unknown; serviceAccount?: unknown };
  const name = (typeof s.serviceAccountName === 'string' && s.serviceAccountName) || (typeof s.serviceAccount === 'string' && s.serviceAccount) || '';
  return name || 'default';
}

export interface WorkloadIndex {
  /** `kind/namespace/name` → workload. */
  byKey: Map<string, Workload>;
  byNamespace: Map<string, Workload[]>;
  /** `namespace/serviceAccount` → workloads running as it. */
  byServiceAccount: Map<string, Workload[]>;
}

/** inv.workloads by key, namespace and ServiceAccount, in the inventory's order. */
export function workloadIndex(inv: Inventory): WorkloadIndex {
  return oncePerInventory(
    inv,
    'index:workloads',
    () => [inv.workloads],
    () => {
      const index: WorkloadIndex = { byKey: new Map(), byNamespace: new Map(), byServiceAccount: new Map() };
      for (const w of inv.workloads) {
        const key = `${w.kind}/${w.namespace}/${w.name}`;
        if (!index.byKey.has(key)) index.byKey.set(key, w); // the first wins, as a linear find would
        push(index.byNamespace, w.namespace, w);
        push(index.byServiceAccount, `${w.namespace}/${serviceAccountOfSpec(w.spec)}`, w);
      }
      return index;
    },
  );
}

export function workloadsIn(inv: Inventory, namespace: string): readonly Workload[] {
  return workloadIndex(inv).byNamespace.get(namespace) ?? NONE;
}

export function workloadsRunningAs(inv: Inventory, namespace: string, serviceAccount: string): readonly Workload[] {
  return workloadIndex(inv).byServiceAccount.get(`${namespace}/${serviceAccount}`) ?? NONE;
}

/**
 * Each pod's workload (an entry of inv.workloads): as buildInventory recorded it, or, in an
 * inventory put together without it, derived once per inventory by the same walk through ownerReferences.
 */
export function workloadOfPod(inv: Inventory): (pod: K8sObject) => Workload | undefined {
  const byNamespace =
    inv.podWorkloads ??
    oncePerInventory(
      inv,
      'index:pod-workloads',
      () => [inv.workloads, ...WORKLOAD_SOURCE_KEYS.map((k) => inv.objects[k])],
      () => podWorkloadsOf(inv.objects, workloadIndex(inv).byKey),
    );
  return (pod) => byNamespace.get(pod.metadata.namespace ?? 'default')?.get(pod);
}

export interface PodIndex {
  byNamespace: Map<string, K8sObject[]>;
  /** `namespace/serviceAccount` → pods. */
  byServiceAccount: Map<string, K8sObject[]>;
  /** spec.nodeName → pods scheduled there (finished ones included: callers filter by phase). */
  byNode: Map<string, K8sObject[]>;
}

export function podIndex(inv: Inventory): PodIndex {
  return oncePerInventory(
    inv,
    'index:pods',
    () => [inv.objects.pods],
    () => {
      const index: PodIndex = { byNamespace: new Map(), byServiceAccount: new Map(), byNode: new Map() };
      for (const p of inv.objects.pods) {
        const ns = p.metadata.namespace ?? 'default';
        push(index.byNamespace, ns, p);
        push(index.byServiceAccount, `${ns}/${serviceAccountOfSpec(p.spec)}`, p);
        const node = typeof p.spec?.nodeName === 'string' ? p.spec.nodeName : null;
        if (node) push(index.byNode, node, p);
      }
      return index;
    },
  );
}

export function podsOnNode(inv: Inventory, node: string): readonly K8sObject[] {
  return podIndex(inv).byNode.get(node) ?? NONE;
}

/**
 * RoleBindings and ClusterRoleBindings by the subjects they name (rbac/subjects.ts subjectKey:
 * `ServiceAccount:ns:name`, `User:name`, `Group:name`), ClusterRoleBindings first, each in
 * the inventory's order. A binding naming a subject twice is listed once.
 */
export function bindingsBySubject(inv: Inventory): Map<string, K8sObject[]> {
  return oncePerInventory(
    inv,
    'index:bindings-by-subject',
    () => [inv.objects.clusterrolebindings, inv.objects.rolebindings],
    () => {
      const m = new Map<string, K8sObject[]>();
      for (const b of [...inv.objects.clusterrolebindings, ...inv.objects.rolebindings]) {
        for (const s of subjectsOf(b)) {
          const key = subjectKey(
            s.kind === 'ServiceAccount'
              ? { kind: 'ServiceAccount', namespace: s.namespace ?? b.metadata.namespace ?? 'default', name: s.name }
              : { kind: s.kind as 'User' | 'Group', name: s.name },
          );
          const l = m.get(key);
          if (l?.[l.length - 1] !== b) push(m, key, b);
        }
      }
      return m;
    },
  );
}
