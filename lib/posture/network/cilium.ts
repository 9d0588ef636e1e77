// CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy (cilium.io/v2) as PolicyViews. Each of
// `spec` and `specs[]` is one rule. Cilium puts a selected pod into default deny for a direction
// when a rule has a non-empty `ingress`/`ingressDeny` (`egress`/`egressDeny`), unless
// `enableDefaultDeny` turns that off; an empty rule (`ingress: [{}]`) then allows nothing. Pure.
import type { K8sObject } from '../../cluster/types';
import { isEmptySelector, matchesSelector } from './label-selector';
import type { Direction } from './network-policy';
import { isObject, nameOf, type Answer, type NamespaceContext, type PodContext, type PolicyView } from './policy-view';

const NAMESPACE_KEY = 'io.kubernetes.pod.namespace';
const NAMESPACE_LABEL_PREFIX = 'io.cilium.k8s.namespace.labels.';
const SERVICE_ACCOUNT_KEY = 'io.cilium.k8s.policy.serviceaccount';
/** Labels Cilium gives endpoints that the Kubernetes API does not show. */
const UNKNOWABLE = ['io.cilium.k8s.policy.cluster', 'io.cilium.k8s.policy.derived-from'];

/** Selector keys carry a source (`k8s:app`, `any:app`); pods' labels come from k8s. */
function bareKey(key: string): string {
  return key.replace(/^(k8s|any):/, '');
}

function normalisedSelector(sel: Record<string, unknown>): { matchLabels: Record<string, string>; matchExpressions: unknown[] } {
  const labels = isObject(sel.matchLabels) ? sel.matchLabels : {};
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  return {
    matchLabels: Object.fromEntries(Object.entries(labels).map(([k, v]) => [bareKey(k), String(v)])),
    matchExpressions: exprs.map((e) => (isObject(e) && typeof e.key === 'string' ? { ...e, key: bareKey(e.key) } : e)),
  };
}

function keysOf(sel: { matchLabels: Record<string, string>; matchExpressions: unknown[] }): string[] {
  return [...Object.keys(sel.matchLabels), ...sel.matchExpressions.flatMap((e) => (isObject(e) && typeof e.key === 'string' ? [e.key] : []))];
}

/** The labels Cilium matches a pod's endpoint by. */
function endpointLabels(pod: PodContext): Record<string, string> {
  const out: Record<string, string> = { ...pod.labels, [NAMESPACE_KEY]: pod.namespace, [SERVICE_ACCOUNT_KEY]: pod.serviceAccount };
  for (const [k, v] of Object.entries(pod.namespaceLabels)) out[`${NAMESPACE_LABEL_PREFIX}${k}`] = v;
  return out;
}

const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;

function directionOf(rule: Record<string, unknown>, d: Direction): { isolates: boolean; deniesAll: boolean } {
  const [allow, deny] = d === 'Ingress' ? [rule.ingress, rule.ingressDeny] : [rule.egress, rule.egressDeny];
  const defaultDeny = isObject(rule.enableDefaultDeny) ? rule.enableDefaultDeny[d === 'Ingress' ? 'ingress' : 'egress'] : undefined;
  const isolates = (nonEmpty(allow) || nonEmpty(deny)) && defaultDeny !== false;
  const entities = d === 'Ingress' ? 'fromEntities' : 'toEntities';
  // Allow rules that are all `{}` name no peer: nothing gets through. A deny rule of entity "all" blocks everything.
  const allowsNothing = !nonEmpty(allow) || (allow as unknown[]).every((r) => isObject(r) && Object.keys(r).length === 0);
  const deniesEverything = Array.isArray(deny) && deny.some((r) => isObject(r) && Array.isArray(r[entities]) && r[entities].includes('all'));
  return { isolates, deniesAll: isolates && (deniesEverything || allowsNothing) };
}

/** One PolicyView per rule of a CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy. */
export function ciliumPolicyViews(policy: K8sObject): PolicyView[] {
  const rules = [policy.spec, ...(Array.isArray(policy.specs) ? policy.specs : [])].filter(isObject);
  const home = policy.kind === 'CiliumNetworkPolicy' ? (policy.metadata.namespace ?? 'default') : null;
  return rules.flatMap((rule, i) => {
    // A rule with nodeSelector (host policy) and no endpointSelector selects nodes, not pods.
    if (!isObject(rule.endpointSelector)) return [];
    const selector = normalisedSelector(rule.endpointSelector);
    const keys = keysOf(selector);
    const unknowable = keys.find((k) => UNKNOWABLE.includes(k));
    const label = `${nameOf(policy)}${rules.length > 1 ? ` (rule ${i + 1})` : ''}`;
    const cannotTell = unknowable ? { unknown: `${label} selects by ${unknowable}, which the Kubernetes API does not show` } : null;
    const directions = (['Ingress', 'Egress'] as const).map((d) => ({ d, ...directionOf(rule, d) }));
    const selects = (pod: PodContext): Answer => {
      if (home !== null && pod.namespace !== home) return false;
      return cannotTell ?? matchesSelector(selector, endpointLabels(pod));
    };
    const coversNamespace = (ns: NamespaceContext): Answer => {
      if (home !== null) return ns.name === home && isEmptySelector(selector);
      if (cannotTell) return cannotTell;
      // Cluster-wide: it covers a namespace when it selects by namespace alone, and matches this one.
      const byNamespaceOnly = keys.every((k) => k === NAMESPACE_KEY || k.startsWith(NAMESPACE_LABEL_PREFIX));
      return byNamespaceOnly && matchesSelector(selector, endpointLabels({ namespace: ns.name, namespaceLabels: ns.labels, labels: {}, serviceAccount: '' }));
    };
    return [
      {
        label,
        kind: policy.kind,
        policy: nameOf(policy),
        namespace: home,
        selects,
        coversNamespace,
        isolates: directions.filter((x) => x.isolates).map((x) => x.d),
        deniesAll: directions.filter((x) => x.deniesAll).map((x) => x.d),
      },
    ];
  });
}
