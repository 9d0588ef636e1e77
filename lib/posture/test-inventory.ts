// Builds small inventories for tests from plain objects, through the same code the scans use.
import { buildInventory } from '../cluster/build-inventory';
import type { Inventory, MissingKind, ResourceKey } from '../cluster/inventory';
import type { K8sObject, PodSpec } from '../cluster/types';

export function inventoryOf(
  objects: Partial<K8sObject>[],
  opts: { version?: string; readAt?: string; missing?: Partial<Record<ResourceKey, MissingKind>> } = {},
): Inventory {
  return buildInventory(objects as K8sObject[], {
    cluster: { name: 'test', version: opts.version ?? null, source: 'manifests' },
    missing: opts.missing,
    readAt: new Date(opts.readAt ?? '2026-11-22T00:00:00Z'),
  });
}

export function namespace(name: string, labels: Record<string, string> = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

export function pod(ns: string, name: string, spec: PodSpec, annotations: Record<string, string> = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, annotations }, spec };
}

export function deployment(ns: string, name: string, spec: PodSpec): K8sObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: { template: { metadata: { labels: { app: name } }, spec } } };
}

export function binding(
  kind: 'ClusterRoleBinding' | 'RoleBinding',
  name: string,
  role: string,
  subjects: { kind: string; name: string; namespace?: string }[],
  ns?: string,
  labels: Record<string, string> = {},
): K8sObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name, namespace: ns, labels },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: subjects.map((s) => ({ apiGroup: s.kind === 'ServiceAccount' ? undefined : 'rbac.authorization.k8s.io', ...s })),
  };
}

export const restrictedSpec: PodSpec = {
  securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  containers: [
    {
      name: 'app',
      image: 'registry.example/app@sha256:' + 'a'.repeat(64),
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    },
  ],
};
