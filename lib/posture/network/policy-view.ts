// One shape for the network policies of every engine (Cilium, Calico, AdminNetworkPolicy):
// which pods a policy selects, which directions it isolates, and whether it denies a direction
// outright. Engines' files turn their objects into these. Pure.
import type { Direction } from './network-policy';

/** What a policy's selectors can see of a pod. */
export interface PodContext {
  namespace: string;
  namespaceLabels: Record<string, string>;
  labels: Record<string, string>;
  serviceAccount: string;
}

export interface NamespaceContext {
  name: string;
  labels: Record<string, string>;
}

/** true / false, or why it cannot be told from the API. */
export type Answer = boolean | { unknown: string };

export const isUnknown = (a: Answer): a is { unknown: string } => typeof a === 'object';

export interface PolicyView {
  /** "CiliumNetworkPolicy shop/allow-web", as messages name it. */
  label: string;
  /** The kind as people name it: "CiliumNetworkPolicy", "Calico GlobalNetworkPolicy". */
  kind: string;
  /** The policy object (several rules of one Cilium policy share it). */
  policy: string;
  /** The namespace it lives in; null for a cluster-wide policy. */
  namespace: string | null;
  selects(pod: PodContext): Answer;
  /** Whether it selects every pod of the namespace, present and future. */
  coversNamespace(ns: NamespaceContext): Answer;
  /** Directions the selected pods are isolated in (only what some policy allows gets through). */
  isolates: Direction[];
  /** Directions it denies outright for the pods it selects (a default deny). */
  deniesAll: Direction[];
}

/** The first unknown among answers, else whether any is true. */
export function anyOf(answers: Iterable<Answer>): Answer {
  let unknown: { unknown: string } | null = null;
  for (const a of answers) {
    if (a === true) return true;
    if (isUnknown(a)) unknown ??= a;
  }
  return unknown ?? false;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function nameOf(o: { kind: string; metadata: { name: string; namespace?: string } }): string {
  return `${o.kind} ${o.metadata.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata.name}`;
}
