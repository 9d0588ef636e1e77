// Which ServiceAccount a workload runs as, whether its token is mounted, and what RBAC grants it.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';
import { oncePerInventory } from '../../helpers';
import { allBindings, isBootstrapDefault, subjectsOf } from '../../rbac/support/bindings';

export function serviceAccountName(w: Workload): string {
  // spec.serviceAccount is the deprecated alias; the API server fills both.
  const deprecated = (w.spec as { serviceAccount?: unknown }).serviceAccount;
  const name = w.spec.serviceAccountName || (typeof deprecated === 'string' ? deprecated : '');
  return name || 'default';
}

export function findServiceAccount(inv: Inventory, namespace: string, name: string): K8sObject | undefined {
  const index = oncePerInventory(inv, 'service-accounts', () => [inv.objects.serviceaccounts], () => {
    const byKey = new Map<string, K8sObject>();
    for (const sa of inv.objects.serviceaccounts) {
      const key = `${sa.metadata.namespace}/${sa.metadata.name}`;
      if (!byKey.has(key)) byKey.set(key, sa); // the first wins, as a linear find would
    }
    return byKey;
  });
  return index.get(`${namespace}/${name}`);
}

/** The pod's setting wins over the ServiceAccount's; with neither set, the token is mounted. */
export function mountsToken(w: Workload, sa: K8sObject | undefined): { mounted: boolean; why: string } {
  const pod = w.spec.automountServiceAccountToken;
  if (pod === false) return { mounted: false, why: 'the pod spec sets automountServiceAccountToken: false' };
  if (pod === true) return { mounted: true, why: 'the pod spec sets automountServiceAccountToken: true' };
  if (sa?.automountServiceAccountToken === false) return { mounted: false, why: 'its ServiceAccount sets automountServiceAccountToken: false' };
  return { mounted: true, why: 'neither the pod spec nor the ServiceAccount sets automountServiceAccountToken: false' };
}

/**
 * Bindings that grant this ServiceAccount something: naming it, or the groups of all service
 * accounts (of its namespace). Kubernetes' own bootstrap bindings give every identity the same
 * discovery rights, so they do not make a token necessary.
 */
export function bindingsOf(inv: Inventory, namespace: string, name: string): K8sObject[] {
  const index = grantIndex(inv);
  const found = new Set([...(index.named.get(`${namespace}/${name}`) ?? []), ...index.allServiceAccounts, ...(index.namespaceGroup.get(namespace) ?? [])]);
  return [...found].sort((a, b) => index.position.get(a)! - index.position.get(b)!); // binding order, as the findings name them
}

interface GrantIndex {
  named: Map<string, K8sObject[]>; // "namespace/name" of a ServiceAccount subject
  allServiceAccounts: K8sObject[]; // bindings to system:serviceaccounts
  namespaceGroup: Map<string, K8sObject[]>; // bindings to system:serviceaccounts:<ns>
  position: Map<K8sObject, number>;
}

// Built once per inventory: a scan per workload made large clusters quadratic (50k pods: 45 s).
// Kept per pair of binding lists too: the incremental path's namespace views share them.
function grantIndex(inv: Inventory): GrantIndex {
  return oncePerInventory(inv, 'service-account-grants', () => [inv.objects.clusterrolebindings, inv.objects.rolebindings], () => {
    const { clusterrolebindings, rolebindings } = inv.objects;
    let byRoleBindings = grantIndexes.get(clusterrolebindings);
    if (!byRoleBindings) grantIndexes.set(clusterrolebindings, (byRoleBindings = new WeakMap()));
    let index = byRoleBindings.get(rolebindings);
    if (!index) byRoleBindings.set(rolebindings, (index = buildGrantIndex([...clusterrolebindings, ...rolebindings])));
    return index;
  });
}

const grantIndexes = new WeakMap<readonly K8sObject[], WeakMap<readonly K8sObject[], GrantIndex>>();

function buildGrantIndex(bindings: K8sObject[]): GrantIndex {
  const index: GrantIndex = { named: new Map(), allServiceAccounts: [], namespaceGroup: new Map(), position: new Map() };
  const add = (map: Map<string, K8sObject[]>, key: string, b: K8sObject) => {
    const list = map.get(key) ?? [];
    if (list[list.length - 1] !== b) list.push(b);
    map.set(key, list);
  };
  for (const b of bindings) {
    index.position.set(b, index.position.size);
    if (isBootstrapDefault(b)) continue;
    for (const s of subjectsOf(b)) {
      if (s.kind === 'ServiceAccount') add(index.named, `${s.namespace ?? b.metadata.namespace}/${s.name}`, b);
      else if (s.kind === 'Group' && s.name === 'system:serviceaccounts') {
        if (index.allServiceAccounts[index.allServiceAccounts.length - 1] !== b) index.allServiceAccounts.push(b);
      } else if (s.kind === 'Group' && s.name.startsWith('system:serviceaccounts:')) add(index.namespaceGroup, s.name.slice('system:serviceaccounts:'.length), b);
    }
  }
  return index;
}

/** Static pods' mirrors cannot use ServiceAccounts; they are the node's, not the API's. */
export function isMirrorPod(w: Workload): boolean {
  return w.kind === 'Pod' && 'kubernetes.io/config.mirror' in w.podAnnotations;
}
