// Shared readers for the network-policy checks: Kubernetes NetworkPolicies and the policies of
// other engines (Cilium, Calico, AdminNetworkPolicy; lib/posture/network/engines.ts) together.
// Each question is answered true, false, or "unknown, because …". Pure.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';
import { enginePolicies, ENGINE_KINDS, type EnginePolicies } from '../../../network/engines';
import { defaultDenyOf, selectsPod, type Direction } from '../../../network/network-policy';
import { anyOf, isUnknown, type Answer, type NamespaceContext, type PodContext, type PolicyView } from '../../../network/policy-view';
import { byNamespace, labelsOf, namespacesByName, namespacesWithWorkloads, oncePerInventory } from '../../helpers';
import { workloadsInNamespace } from '../../../../cluster/namespace-runs';

/** NetworkPolicies do not apply to host-network pods: their traffic is the node's. */
export function policyCanApply(w: Workload): boolean {
  return w.spec.hostNetwork !== true;
}

export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Every policy that may bear on one namespace's pods. */
export interface NamespaceNetwork {
  name: string;
  context: NamespaceContext;
  /** Kubernetes NetworkPolicies in the namespace. */
  policies: K8sObject[];
  /** Other engines' policies in the namespace, and their cluster-wide ones. */
  views: PolicyView[];
  workloads: Workload[];
  unreadable: string | null;
}

// Memoised on the engines' kinds alone, so a pod change does not invalidate it (incremental.ts).
function engines(inv: Inventory): EnginePolicies {
  return oncePerInventory(
    inv,
    'network-engine-policies',
    () => [...ENGINE_KINDS.map((k) => inv.objects[k]), inv.objects.customresourcedefinitions, inv.missing],
    () => enginePolicies(inv),
  );
}

/** Each namespace (by name) with the policies that may apply to it; built once per call. */
export function namespaceNetworkOf(inv: Inventory): (name: string) => NamespaceNetwork {
  const { views, unreadable } = engines(inv);
  const k8s = byNamespace(inv.objects.networkpolicies);
  const nsObjects = namespacesByName(inv.objects.namespaces);
  return (name) => {
    const ns = nsObjects.get(name);
    return {
      name,
      // The API server sets kubernetes.io/metadata.name on every namespace; manifests may omit it.
      context: { name, labels: { ...(ns ? labelsOf(ns) : {}), 'kubernetes.io/metadata.name': name } },
      policies: k8s.get(name) ?? [],
      views: views.filter((v) => v.namespace === null || v.namespace === name),
      // Its run of the workloads (sorted by namespace): the summaries ask for a namespace or two after a change.
      workloads: workloadsInNamespace(inv.workloads, name),
      unreadable,
    };
  };
}

/** The namespaces that run workloads, each with the policies that may apply to it. */
export function namespaceNetworks(inv: Inventory): NamespaceNetwork[] {
  return namespacesWithWorkloads(inv).map(namespaceNetworkOf(inv));
}

export function podContext(net: NamespaceNetwork, w: Workload): PodContext {
  const sa = w.spec.serviceAccountName ?? (w.spec as { serviceAccount?: unknown }).serviceAccount;
  return { namespace: net.name, namespaceLabels: net.context.labels, labels: w.podLabels, serviceAccount: typeof sa === 'string' && sa ? sa : 'default' };
}

/** "false" becomes "unknown" when some engine's policies could not be read. */
function orUnreadable(a: Answer, net: NamespaceNetwork): Answer {
  return a === false && net.unreadable ? { unknown: net.unreadable } : a;
}

/**
 * Whether any policy applies to the namespace: a NetworkPolicy or another engine's policy in it,
 * or a cluster-wide policy that isolates some of its pods (or all of them).
 */
export function isPoliced(net: NamespaceNetwork): Answer {
  if (net.policies.length > 0 || net.views.some((v) => v.namespace === net.name)) return true;
  const clusterWide = net.views.filter((v) => v.namespace === null && v.isolates.length > 0);
  return orUnreadable(
    anyOf(clusterWide.flatMap((v) => [v.coversNamespace(net.context), ...net.workloads.filter(policyCanApply).map((w) => v.selects(podContext(net, w)))])),
    net,
  );
}

/** Whether some policy isolates the workload's pods in some direction. */
export function isIsolated(net: NamespaceNetwork, w: Workload): Answer {
  if (net.policies.some((p) => selectsPod(p, w.podLabels))) return true;
  const pod = podContext(net, w);
  return orUnreadable(anyOf(net.views.filter((v) => v.isolates.length > 0).map((v) => v.selects(pod))), net);
}

/** Policies that select the workload's pods but restrict nothing (a Cilium rule with no ingress or egress section). */
export function selectingWithoutEffect(net: NamespaceNetwork, w: Workload): string[] {
  const pod = podContext(net, w);
  return net.views.filter((v) => v.isolates.length === 0 && v.selects(pod) === true).map((v) => v.label);
}

/** Whether every pod of the namespace, present and future, is denied `d` unless a policy allows it. */
export function deniesByDefault(net: NamespaceNetwork, d: Direction): Answer {
  if (defaultDenyOf(net.policies)[d === 'Ingress' ? 'ingress' : 'egress']) return true;
  return orUnreadable(anyOf(net.views.filter((v) => v.deniesAll.includes(d)).map((v) => v.coversNamespace(net.context))), net);
}

/** Other engines' policies that bear on the namespace: in it, or cluster-wide and selecting some of its pods. */
function bearing(net: NamespaceNetwork): PolicyView[] {
  return net.views.filter(
    (v) => v.namespace === net.name || v.coversNamespace(net.context) === true || net.workloads.some((w) => v.selects(podContext(net, w)) === true),
  );
}

/** The policies bearing on the namespace, counted by kind: NetworkPolicy first. */
function countsByKind(net: NamespaceNetwork): Map<string, number> {
  const counts = new Map<string, number>();
  if (net.policies.length) counts.set('NetworkPolicy', net.policies.length);
  // A Cilium policy with several rules is one policy.
  const policies = new Map(bearing(net).map((v) => [v.policy, v.kind]));
  for (const kind of policies.values()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

const plural = (kind: string) => (kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`);

/** How many policies bear on the namespace, named by kind: "2 NetworkPolicies and 1 CiliumNetworkPolicy". */
export function describePolicies(net: NamespaceNetwork): string {
  const parts = [...countsByKind(net)].map(([k, n]) => countOf(n, k, plural(k)));
  return parts.length ? parts.join(' and ') : 'no network policy';
}

/** The kind of the namespace's only policy ("CiliumNetworkPolicy"), or null when there are several. */
export function onlyPolicyKind(net: NamespaceNetwork): string | null {
  const counts = [...countsByKind(net)];
  return counts.length === 1 && counts[0]![1] === 1 ? counts[0]![0] : null;
}

export { isUnknown };
