// Calico NetworkPolicy and GlobalNetworkPolicy (projectcalico.org/v3, and the
// crd.projectcalico.org/v1 CRDs behind it) as PolicyViews. A policy that applies to a pod for a
// direction (`types`) isolates it there: traffic no rule allows is dropped at the end of the tier.
// It denies everything when none of its rules for the direction allows or passes. Pure.
import type { K8sObject } from '../../cluster/types';
import { parseCalicoSelector, type ParsedSelector } from './calico-selector';
import type { Direction } from './network-policy';
import { isObject, nameOf, type Answer, type NamespaceContext, type PodContext, type PolicyView } from './policy-view';

const NAMESPACE_KEY = 'projectcalico.org/namespace';
const NAMESPACE_LABEL_PREFIX = 'pcns.';
const NAMESPACE_ONLY = (k: string) => k === NAMESPACE_KEY || k === 'projectcalico.org/orchestrator' || k.startsWith(NAMESPACE_LABEL_PREFIX);

/** The labels Calico gives a pod's workload endpoint. */
function endpointLabels(pod: PodContext): Record<string, string> {
  const out: Record<string, string> = {
    ...pod.labels,
    [NAMESPACE_KEY]: pod.namespace,
    'projectcalico.org/orchestrator': 'k8s',
    'projectcalico.org/serviceaccount': pod.serviceAccount,
  };
  for (const [k, v] of Object.entries(pod.namespaceLabels)) out[`${NAMESPACE_LABEL_PREFIX}${k}`] = v;
  return out;
}

const namespaceLabels = (ns: NamespaceContext) => ({ ...ns.labels, 'projectcalico.org/name': ns.name });

/** Calico's default: Ingress, plus Egress when there are egress rules (Egress alone when only those). */
function typesOf(spec: Record<string, unknown>): Direction[] {
  if (Array.isArray(spec.types) && spec.types.length > 0) return (['Ingress', 'Egress'] as const).filter((d) => (spec.types as unknown[]).includes(d));
  const has = (k: string) => Array.isArray(spec[k]) && (spec[k] as unknown[]).length > 0;
  if (has('egress') && !has('ingress')) return ['Egress'];
  return has('egress') ? ['Ingress', 'Egress'] : ['Ingress'];
}

function allowsSomething(spec: Record<string, unknown>, d: Direction): boolean {
  const rules = spec[d === 'Ingress' ? 'ingress' : 'egress'];
  return Array.isArray(rules) && rules.some((r) => isObject(r) && (r.action === 'Allow' || r.action === 'Pass'));
}

export function calicoPolicyViews(policy: K8sObject): PolicyView[] {
  const spec = isObject(policy.spec) ? policy.spec : {};
  const global = policy.kind === 'GlobalNetworkPolicy';
  const home = global ? null : (policy.metadata.namespace ?? 'default');
  const label = `Calico ${nameOf(policy)}`;
  // Untracked and pre-DNAT policies apply to host endpoints only, never to pods.
  if (spec.doNotTrack === true || spec.preDNAT === true) return [];
  const parse = (field: string): ParsedSelector | { unknown: string } => {
    const p = parseCalicoSelector(spec[field]);
    return 'error' in p ? { unknown: `${label}: ${p.error}` } : p;
  };
  const selector = parse('selector');
  const nsSelector = global ? parse('namespaceSelector') : null;
  const saSelector = parse('serviceAccountSelector');
  // Service-account labels are not matched here: a real serviceAccountSelector is not evaluated.
  const saUnknown: Answer | null =
    'unknown' in saSelector ? saSelector : saSelector.keys.size > 0 ? { unknown: `${label} selects by service-account labels (serviceAccountSelector), which is not evaluated here` } : null;

  const inNamespace = (ns: NamespaceContext): Answer => {
    if (home !== null) return ns.name === home;
    if (!nsSelector) return true;
    return 'unknown' in nsSelector ? nsSelector : nsSelector.matches(namespaceLabels(ns));
  };
  const selects = (pod: PodContext): Answer => {
    const inNs = inNamespace({ name: pod.namespace, labels: pod.namespaceLabels });
    if (inNs !== true) return inNs;
    if ('unknown' in selector) return selector;
    return saUnknown ?? selector.matches(endpointLabels(pod));
  };
  const coversNamespace = (ns: NamespaceContext): Answer => {
    const inNs = inNamespace(ns);
    if (inNs !== true) return inNs;
    if ('unknown' in selector) return selector;
    if (saUnknown) return saUnknown;
    if (![...selector.keys].every(NAMESPACE_ONLY)) return false;
    return selector.matches(endpointLabels({ namespace: ns.name, namespaceLabels: ns.labels, labels: {}, serviceAccount: '' }));
  };
  const types = typesOf(spec);
  return [{ label, kind: `Calico ${policy.kind}`, policy: label, namespace: home, selects, coversNamespace, isolates: types, deniesAll: types.filter((d) => !allowsSomething(spec, d)) }];
}
