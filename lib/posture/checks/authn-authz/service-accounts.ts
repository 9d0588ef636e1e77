// Which ServiceAccount a workload runs as, whether its token is mounted, and what RBAC grants it.
import type { Inventory } from '../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../cluster/types';
import { allBindings, isBootstrapDefault, subjectsOf } from '../rbac/bindings';

export function serviceAccountName(w: Workload): string {
  // spec.serviceAccount is the deprecated alias; the API server fills both.
  const deprecated = (w.spec as { serviceAccount?: unknown }).serviceAccount;
  const name = w.spec.serviceAccountName || (typeof deprecated === 'string' ? deprecated : '');
  return name || 'default';
}

export function findServiceAccount(inv: Inventory, namespace: string, name: string): K8sObject | undefined {
  return inv.objects.serviceaccounts.find((sa) => sa.metadata.namespace === namespace && sa.metadata.name === name);
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
  return allBindings(inv).filter(
    (b) =>
      !isBootstrapDefault(b) &&
      subjectsOf(b).some(
        (s) =>
          (s.kind === 'ServiceAccount' && s.name === name && (s.namespace ?? b.metadata.namespace) === namespace) ||
          (s.kind === 'Group' && (s.name === 'system:serviceaccounts' || s.name === `system:serviceaccounts:${namespace}`)),
      ),
  );
}

/** Static pods' mirrors cannot use ServiceAccounts; they are the node's, not the API's. */
export function isMirrorPod(w: Workload): boolean {
  return w.kind === 'Pod' && 'kubernetes.io/config.mirror' in w.podAnnotations;
}
