// AdminNetworkPolicy and BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) as
// PolicyViews. Their subject is `namespaces` (a namespace selector) or `pods` (namespace and pod
// selectors). Only Deny rules restrict: Allow admits, and an ANP's Pass hands the decision to
// NetworkPolicies (then the baseline), so neither isolates a pod. A Deny rule from every namespace
// (to every network, for egress) is a default deny: before NetworkPolicies for an ANP, after them
// for the baseline. Pure.
import type { K8sObject } from '../../cluster/types';
import { isEmptySelector, matchesSelector } from './label-selector';
import type { Direction } from './network-policy';
import { isObject, nameOf, type NamespaceContext, type PodContext, type PolicyView } from './policy-view';

const EVERY_NETWORK = new Set(['0.0.0.0/0', '::/0']);

const withName = (ns: NamespaceContext) => ({ ...ns.labels, 'kubernetes.io/metadata.name': ns.name });

/** Whether a peer is everything: every pod of every namespace, or (egress) every address. */
function everyPeer(peer: unknown): boolean {
  if (!isObject(peer)) return false;
  if (isEmptySelector(peer.namespaces)) return true;
  if (isObject(peer.pods) && isEmptySelector(peer.pods.namespaceSelector) && isEmptySelector(peer.pods.podSelector)) return true;
  return Array.isArray(peer.networks) && peer.networks.some((n) => typeof n === 'string' && EVERY_NETWORK.has(n.trim()));
}

function rulesOf(spec: Record<string, unknown>, d: Direction): Record<string, unknown>[] {
  const r = spec[d === 'Ingress' ? 'ingress' : 'egress'];
  return Array.isArray(r) ? r.filter(isObject) : [];
}

export function adminPolicyViews(policy: K8sObject): PolicyView[] {
  const spec = isObject(policy.spec) ? policy.spec : {};
  const subject = isObject(spec.subject) ? spec.subject : {};
  const pods = isObject(subject.pods) ? subject.pods : null;
  const nsSelector = pods ? pods.namespaceSelector : subject.namespaces;
  // No subject selects nothing (the API requires one).
  if (!isObject(nsSelector)) return [];
  const podSelector = pods ? pods.podSelector : {};
  const directions = (['Ingress', 'Egress'] as const).map((d) => {
    const denies = rulesOf(spec, d).filter((r) => r.action === 'Deny');
    const peersKey = d === 'Ingress' ? 'from' : 'to';
    const all = denies.some((r) => !(Array.isArray(r.ports) && r.ports.length > 0) && Array.isArray(r[peersKey]) && (r[peersKey] as unknown[]).some(everyPeer));
    return { d, isolates: denies.length > 0, deniesAll: all };
  });
  const inNamespace = (ns: NamespaceContext) => matchesSelector(nsSelector, withName(ns));
  return [
    {
      label: nameOf(policy),
      kind: policy.kind,
      policy: nameOf(policy),
      namespace: null,
      selects: (pod: PodContext) => inNamespace({ name: pod.namespace, labels: pod.namespaceLabels }) && matchesSelector(podSelector, pod.labels),
      coversNamespace: (ns: NamespaceContext) => inNamespace(ns) && isEmptySelector(podSelector),
      isolates: directions.filter((x) => x.isolates).map((x) => x.d),
      deniesAll: directions.filter((x) => x.deniesAll).map((x) => x.d),
    },
  ];
}
