// Memoised values (read-tracking.ts) whose change the incremental path can rule out cheaply:
// each names the reads it can judge and says, from the workloads of the changed namespaces
// before and after, that the value cannot have changed. Then the checks that used the value
// are not re-run for it. Pure.
import type { Touched } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { objectsInNamespace, workloadsInNamespace } from '../cluster/namespace-runs';
import type { K8sObject, Workload } from '../cluster/types';
import { APISERVER_MEMO } from './checks/authn-authz/support/apiserver-flags';
import { MESH_MEMO, meshRelevant } from './checks/encryption/service-mesh-mtls';
import { subjectsOf } from './checks/rbac/support/bindings';
import { serviceAccountKey } from './checks/rbac/support/dangerous-permission';
import { coverageRelevant } from './coverage/detect';

export interface Cutoff {
  /** The reads it can judge; a memo that read anything else that changed is recomputed. */
  judges: readonly string[];
  unchanged(prev: Inventory, next: Inventory, touched: Touched): boolean;
}

const sorted = (namespaces: Set<string>) => [...namespaces].sort(new Intl.Collator().compare);

/** The workloads of some namespaces, in the inventory's order. */
function workloadsIn(inv: Inventory, namespaces: Set<string>): Workload[] {
  return sorted(namespaces).flatMap((ns) => workloadsInNamespace(inv.workloads, ns));
}

/** The same projection of the changed namespaces' workloads before and after, in order. */
function sameProjection(project: (ws: Workload[]) => string): Cutoff['unchanged'] {
  return (prev, next, touched) => project(workloadsIn(prev, touched.namespaces)) === project(workloadsIn(next, touched.namespaces));
}

/** A kind's objects in some namespaces, in the inventory's order. */
function objectsIn(list: readonly K8sObject[], namespaces: Set<string>): K8sObject[] {
  return sorted(namespaces).flatMap((ns) => objectsInNamespace(list, ns));
}

const OWNED_KINDS = ['replicasets', 'jobs', 'pods', 'replicationcontrollers'] as const;

/** Who owns what, in the changed namespaces: the owner index answers from this alone. */
function ownership(inv: Inventory, namespaces: Set<string>): string {
  const workloads = workloadsIn(inv, namespaces).map((w) => `${w.kind}/${w.namespace}/${w.name}`);
  const owned = OWNED_KINDS.map((k) =>
    objectsIn(inv.objects[k], namespaces).map((o) => [o.metadata.namespace, o.metadata.name, o.metadata.ownerReferences ?? null]),
  );
  return JSON.stringify([workloads, owned]);
}

export const CUTOFFS: Record<string, Cutoff> = {
  // The control plane's static pods' mirrors (kube-apiserver, controller manager, scheduler, etcd) live in kube-system; no other pod is read.
  [APISERVER_MEMO]: { judges: ['objects.pods'], unchanged: (_prev, _next, touched) => !touched.namespaces.has('kube-system') },
  // Resolving a report's object to its workload reads names and ownerReferences only.
  'owner-index': {
    judges: ['workloads', ...OWNED_KINDS.map((k) => `objects.${k}`)],
    unchanged: (prev, next, touched) => ownership(prev, touched.namespaces) === ownership(next, touched.namespaces),
  },
  // Mesh detection reads workloads only for istiod, the linkerd namespace and inject annotations.
  [MESH_MEMO]: {
    judges: ['workloads'],
    unchanged: sameProjection((ws) =>
      JSON.stringify(ws.filter(meshRelevant).map((w) => [w.kind, w.namespace, w.name, w.podAnnotations['linkerd.io/inject'] ?? null])),
    ),
  },
  // Coverage reads workloads only for tools' images and RuntimeClass users, in order.
  coverage: { judges: ['workloads'], unchanged: sameProjection((ws) => JSON.stringify(ws.filter(coverageRelevant))) },
  // How many workloads run as each ServiceAccount. RBAC findings name only ServiceAccounts some
  // binding names, so a pod of any other one (most new pods) cannot change them. A change to
  // the bindings themselves re-runs those checks through their own reads.
  'service-account-use': {
    judges: ['workloads'],
    unchanged: (prev, next, touched) => {
      const named = new Set([...boundServiceAccounts(prev), ...boundServiceAccounts(next)]);
      const project = (ws: Workload[]) =>
        ws
          .map(serviceAccountKey)
          .filter((k) => named.has(k))
          .sort()
          .join('\n');
      return project(workloadsIn(prev, touched.namespaces)) === project(workloadsIn(next, touched.namespaces));
    },
  },
};

const bound = new WeakMap<readonly K8sObject[], Set<string>>();

/** "namespace/name" of every ServiceAccount a binding names; per bindings list, which rarely changes. */
function boundServiceAccounts(inv: Inventory): Set<string> {
  const out = new Set<string>();
  for (const list of [inv.objects.clusterrolebindings, inv.objects.rolebindings]) {
    let keys = bound.get(list);
    if (!keys) {
      keys = new Set();
      for (const b of list) for (const s of subjectsOf(b)) if (s.kind === 'ServiceAccount') keys.add(`${s.namespace ?? b.metadata.namespace}/${s.name}`);
      bound.set(list, keys);
    }
    for (const k of keys) out.add(k);
  }
  return out;
}
