// Shared readers for the network-policy checks. Pure.
import type { Inventory } from '../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../cluster/types';
import { byNamespace, namespacesWithWorkloads } from '../helpers';

/** Namespaces that run workloads and hold at least one NetworkPolicy, with those policies. */
export function policedNamespaces(inv: Inventory): Map<string, K8sObject[]> {
  const policies = byNamespace(inv.objects.networkpolicies);
  return new Map(namespacesWithWorkloads(inv).flatMap((ns) => (policies.has(ns) ? [[ns, policies.get(ns)!] as const] : [])));
}

/** NetworkPolicies do not apply to host-network pods: their traffic is the node's. */
export function policyCanApply(w: Workload): boolean {
  return w.spec.hostNetwork !== true;
}

export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
