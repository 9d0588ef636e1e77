// Reading NetworkPolicies (networking.k8s.io/v1): which pods they select, whether they deny by
// default, and which rules open a direction to everything. Pure.
import type { K8sObject } from '../../cluster/types';
import { isEmptySelector, matchesSelector } from './label-selector';

export type Direction = 'Ingress' | 'Egress';
export const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const spec = (np: K8sObject): Record<string, unknown> => (isObject(np.spec) ? np.spec : {});
const rulesKey = (d: Direction) => (d === 'Ingress' ? 'ingress' : 'egress');

/**
 * The directions a policy isolates. Without spec.policyTypes the API assumes Ingress, plus
 * Egress when the policy has egress rules.
 */
export function policyTypes(np: K8sObject): Direction[] {
  const s = spec(np);
  if (Array.isArray(s.policyTypes) && s.policyTypes.length > 0) return DIRECTIONS.filter((d) => (s.policyTypes as unknown[]).includes(d));
  return Array.isArray(s.egress) && s.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** podSelector is required by the API and omitted means `{}` (Go zero value): every pod of the namespace. */
function podSelector(np: K8sObject): unknown {
  const sel = spec(np).podSelector;
  return sel === undefined || sel === null ? {} : sel;
}

export function rules(np: K8sObject, d: Direction): unknown[] {
  const r = spec(np)[rulesKey(d)];
  return Array.isArray(r) ? r : [];
}

/** Whether the policy selects pods carrying `labels` (in its own namespace). */
export function selectsPod(np: K8sObject, labels: Record<string, string>): boolean {
  return matchesSelector(podSelector(np), labels);
}

/** A default deny for `d`: every pod of the namespace selected, the direction isolated, no rule allowing anything. */
export function isDefaultDeny(np: K8sObject, d: Direction): boolean {
  return isEmptySelector(podSelector(np)) && policyTypes(np).includes(d) && rules(np, d).length === 0;
}

/** Whether the namespace's policies deny each direction by default. */
export function defaultDenyOf(policies: readonly K8sObject[]): { ingress: boolean; egress: boolean } {
  return { ingress: policies.some((p) => isDefaultDeny(p, 'Ingress')), egress: policies.some((p) => isDefaultDeny(p, 'Egress')) };
}

const EVERYWHERE = new Set(['0.0.0.0/0', '::/0']);

/** Why a peer matches every source/destination, or null when it narrows something. */
function openPeer(peer: unknown): string | null {
  if (!isObject(peer)) return null;
  if (isObject(peer.ipBlock)) {
    const { cidr, except } = peer.ipBlock;
    const narrowed = Array.isArray(except) && except.length > 0;
    return typeof cidr === 'string' && EVERYWHERE.has(cidr.trim()) && !narrowed ? `ipBlock ${cidr.trim()}` : null;
  }
  // namespaceSelector {} is every namespace; with no (or an empty) podSelector, every pod in the cluster.
  if (isEmptySelector(peer.namespaceSelector) && (peer.podSelector === undefined || isEmptySelector(peer.podSelector))) {
    return 'every pod in every namespace';
  }
  return null;
}

/**
 * How a rule opens its direction to everything, or null. A rule limited to some ports is
 * not "everything": exposing one port to the world is how a public service is meant to look.
 */
export function openRule(rule: unknown, d: Direction): string | null {
  if (!isObject(rule)) return null;
  if (Array.isArray(rule.ports) && rule.ports.length > 0) return null;
  const peers = rule[d === 'Ingress' ? 'from' : 'to'];
  if (!Array.isArray(peers) || peers.length === 0) return d === 'Ingress' ? 'no "from": any source' : 'no "to": any destination';
  for (const p of peers) {
    const why = openPeer(p);
    if (why) return `${d === 'Ingress' ? 'from' : 'to'} ${why}`;
  }
  return null;
}
