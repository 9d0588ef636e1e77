// Small inventories for tests of the pod-security checks, built directly (no buildInventory)
// so a test states exactly which workloads and namespaces exist.
import { emptyObjects, type Inventory, type MissingKind, type ResourceKey } from '../../cluster/inventory';
import type { K8sObject, PodSpec, Workload } from '../../cluster/types';

export function testInventory(
  opts: { namespaces?: K8sObject[]; workloads?: Workload[]; version?: string | null; missing?: Partial<Record<ResourceKey, MissingKind>> } = {},
): Inventory {
  const objects = emptyObjects();
  objects.namespaces.push(...(opts.namespaces ?? []));
  return {
    cluster: { name: 'test', version: opts.version === undefined ? 'v1.37.0' : opts.version, source: 'manifests' },
    readAt: '2026-11-22T00:00:00Z',
    objects,
    missing: opts.missing ?? {},
    workloads: opts.workloads ?? [],
    implicitNamespaces: [],
  };
}

export function testNamespace(name: string, labels: Record<string, string> = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** `pod-security.kubernetes.io/enforce` (and -version) labels. */
export function enforce(level: string, version?: string): Record<string, string> {
  const labels: Record<string, string> = { 'pod-security.kubernetes.io/enforce': level };
  if (version) labels['pod-security.kubernetes.io/enforce-version'] = version;
  return labels;
}

export function testWorkload(
  namespace: string,
  name: string,
  spec: PodSpec,
  opts: { kind?: Workload['kind']; annotations?: Record<string, string> } = {},
): Workload {
  const kind = opts.kind ?? 'Deployment';
  return {
    kind,
    apiVersion: kind === 'Pod' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1',
    namespace,
    name,
    podLabels: { app: name },
    podAnnotations: opts.annotations ?? {},
    spec,
    pods: 1,
  };
}

/** A pod spec that meets restricted at every policy version. */
export function restrictedSpec(): PodSpec {
  return {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    initContainers: [{ name: 'init', image: 'busybox', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
    containers: [{ name: 'app', image: 'nginx', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }],
  };
}
