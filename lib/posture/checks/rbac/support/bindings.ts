// Reading RoleBindings and ClusterRoleBindings uniformly.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject } from '../../../../cluster/types';
import { labelsOf } from '../../helpers';

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

export function allBindings(inv: Inventory): K8sObject[] {
  return [...inv.objects.clusterrolebindings, ...inv.objects.rolebindings];
}

export function subjectsOf(binding: K8sObject): Subject[] {
  const s = binding.subjects;
  return Array.isArray(s) ? s.filter((x): x is Subject => typeof x?.kind === 'string' && typeof x?.name === 'string') : [];
}

export function roleRefOf(binding: K8sObject): { kind: string; name: string } | null {
  const r = binding.roleRef as { kind?: unknown; name?: unknown } | undefined;
  return typeof r?.kind === 'string' && typeof r?.name === 'string' ? { kind: r.kind, name: r.name } : null;
}

/** Bindings Kubernetes creates itself at bootstrap: expected, not findings. */
export function isBootstrapDefault(o: K8sObject): boolean {
  return labelsOf(o)['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}
