import type { AuditData } from '../posture/audit/aggregate';
import type { K8sObject, Workload } from './types';

export type SourceKind = 'live' | 'manifests' | 'demo';

/** Every kind the posture reads, keyed by its plural resource name. */
export const RESOURCES = [
  { key: 'namespaces', group: '', version: 'v1', kind: 'Namespace', namespaced: false },
  { key: 'nodes', group: '', version: 'v1', kind: 'Node', namespaced: false, offlineAbsent: 'missing' },
  { key: 'pods', group: '', version: 'v1', kind: 'Pod', namespaced: true },
  { key: 'services', group: '', version: 'v1', kind: 'Service', namespaced: true },
  { key: 'serviceaccounts', group: '', version: 'v1', kind: 'ServiceAccount', namespaced: true },
  { key: 'resourcequotas', group: '', version: 'v1', kind: 'ResourceQuota', namespaced: true },
  { key: 'limitranges', group: '', version: 'v1', kind: 'LimitRange', namespaced: true },
  { key: 'replicationcontrollers', group: '', version: 'v1', kind: 'ReplicationController', namespaced: true },
  { key: 'deployments', group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true },
  { key: 'statefulsets', group: 'apps', version: 'v1', kind: 'StatefulSet', namespaced: true },
  { key: 'daemonsets', group: 'apps', version: 'v1', kind: 'DaemonSet', namespaced: true },
  { key: 'replicasets', group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true },
  { key: 'jobs', group: 'batch', version: 'v1', kind: 'Job', namespaced: true },
  { key: 'cronjobs', group: 'batch', version: 'v1', kind: 'CronJob', namespaced: true },
  { key: 'networkpolicies', group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', namespaced: true },
  { key: 'ingresses', group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', namespaced: true },
  { key: 'roles', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', namespaced: true },
  { key: 'rolebindings', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'RoleBinding', namespaced: true },
  { key: 'clusterroles', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', namespaced: false },
  { key: 'clusterrolebindings', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRoleBinding', namespaced: false },
  { key: 'runtimeclasses', group: 'node.k8s.io', version: 'v1', kind: 'RuntimeClass', namespaced: false },
  { key: 'validatingwebhookconfigurations', group: 'admissionregistration.k8s.io', version: 'v1', kind: 'ValidatingWebhookConfiguration', namespaced: false },
  { key: 'mutatingwebhookconfigurations', group: 'admissionregistration.k8s.io', version: 'v1', kind: 'MutatingWebhookConfiguration', namespaced: false },
  { key: 'customresourcedefinitions', group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition', namespaced: false },
  {
    key: 'podsecuritypolicies',
    group: 'policy',
    version: 'v1beta1',
    kind: 'PodSecurityPolicy',
    namespaced: false,
    offlineAbsent: 'missing',
    optional: true,
    removedIn: '1.25',
  },
  { key: 'vulnerabilityreports', group: 'aquasecurity.github.io', version: 'v1alpha1', kind: 'VulnerabilityReport', namespaced: true, optional: true },
  {
    key: 'clustervulnerabilityreports',
    group: 'aquasecurity.github.io',
    version: 'v1alpha1',
    kind: 'ClusterVulnerabilityReport',
    namespaced: false,
    optional: true,
  },
  { key: 'policyreports', group: 'wgpolicyk8s.io', version: 'v1alpha2', kind: 'PolicyReport', namespaced: true, optional: true },
  { key: 'clusterpolicyreports', group: 'wgpolicyk8s.io', version: 'v1alpha2', kind: 'ClusterPolicyReport', namespaced: false, optional: true },
  // Admission policies that pin registries or verify signatures (registry-security coverage).
  { key: 'clusterpolicies', group: 'kyverno.io', version: 'v1', kind: 'ClusterPolicy', namespaced: false, optional: true },
  { key: 'policies', group: 'kyverno.io', version: 'v1', kind: 'Policy', namespaced: true, optional: true },
  { key: 'clusterimagepolicies', group: 'policy.sigstore.dev', version: 'v1beta1', kind: 'ClusterImagePolicy', namespaced: false, optional: true },
  // Secrets are read as metadata only (legacy service-account tokens): their data never crosses the wire.
  // A read-only role usually leaves them out; the 403 then makes only the legacy-token check not assessed.
  { key: 'secrets', group: '', version: 'v1', kind: 'Secret', namespaced: true, offlineAbsent: 'missing', optional: true, metadataOnly: true },
  // Istio's mTLS policy (encryption.service-mesh-mtls); served only where Istio is installed.
  { key: 'peerauthentications', group: 'security.istio.io', version: 'v1', kind: 'PeerAuthentication', namespaced: true, optional: true },
  // Network policies of other engines (lib/posture/network/engines.ts), served only where the engine is installed.
  // Calico's own API (projectcalico.org/v3, its API server) and the CRDs behind it (crd.projectcalico.org/v1)
  // name their kinds like the Kubernetes ones: `plural` is the list path, `key` stays unique.
  { key: 'ciliumnetworkpolicies', group: 'cilium.io', version: 'v2', kind: 'CiliumNetworkPolicy', namespaced: true, optional: true },
  { key: 'ciliumclusterwidenetworkpolicies', group: 'cilium.io', version: 'v2', kind: 'CiliumClusterwideNetworkPolicy', namespaced: false, optional: true },
  { key: 'caliconetworkpolicies', plural: 'networkpolicies', group: 'projectcalico.org', version: 'v3', kind: 'NetworkPolicy', namespaced: true, optional: true },
  { key: 'calicoglobalnetworkpolicies', plural: 'globalnetworkpolicies', group: 'projectcalico.org', version: 'v3', kind: 'GlobalNetworkPolicy', namespaced: false, optional: true },
  { key: 'calicocrdnetworkpolicies', plural: 'networkpolicies', group: 'crd.projectcalico.org', version: 'v1', kind: 'NetworkPolicy', namespaced: true, optional: true },
  {
    key: 'calicocrdglobalnetworkpolicies',
    plural: 'globalnetworkpolicies',
    group: 'crd.projectcalico.org',
    version: 'v1',
    kind: 'GlobalNetworkPolicy',
    namespaced: false,
    optional: true,
  },
  // Argo CD's own settings (management-tools checks): argocd-cm (users.anonymous.enabled),
  // argocd-rbac-cm (policy.default) and argocd-cmd-params-cm (server.insecure, server.disable.auth).
  // Only ConfigMaps labelled part of Argo CD are listed, and only these keys of their data are kept.
  {
    key: 'argocdconfigmaps',
    plural: 'configmaps',
    group: '',
    version: 'v1',
    kind: 'ConfigMap',
    namespaced: true,
    labelSelector: { key: 'app.kubernetes.io/part-of', value: 'argocd' },
    keepData: ['users.anonymous.enabled', 'policy.default', 'server.insecure', 'server.disable.auth'],
  },
  { key: 'adminnetworkpolicies', group: 'policy.networking.k8s.io', version: 'v1alpha1', kind: 'AdminNetworkPolicy', namespaced: false, optional: true },
  {
    key: 'baselineadminnetworkpolicies',
    group: 'policy.networking.k8s.io',
    version: 'v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    namespaced: false,
    optional: true,
  },
] as const satisfies readonly ResourceDef[];

export interface ResourceDef {
  key: string;
  /** The resource's plural in API paths, where it differs from `key` (two groups share a plural). */
  plural?: string;
  group: string;
  version: string;
  kind: string;
  namespaced: boolean;
  /** Offline input without this kind: 'missing' = we cannot know (not assessed); default = none exist. */
  offlineAbsent?: 'missing';
  /** Served only when some add-on (a CRD) or an old API server provides it; absence is normal. */
  optional?: boolean;
  /** The Kubernetes minor that removed the kind: not having it is news only on an older cluster. */
  removedIn?: string;
  /** Listed as PartialObjectMetadataList: the server sends metadata only, never the object's content. */
  metadataOnly?: boolean;
  /** Listed and watched with this label selector; objects from files without the label are ignored too. */
  labelSelector?: { key: string; value: string };
  /** The only keys of `data` kept (the rest of a ConfigMap's data is dropped on reading). */
  keepData?: readonly string[];
}

/** The label selector a kind is listed with, as the API's query parameter, or null. */
export function labelSelectorOf(def: ResourceDef): string | null {
  return def.labelSelector ? `${def.labelSelector.key}=${def.labelSelector.value}` : null;
}

/** Whether an object belongs to the kind's list: it carries the kind's selector label, if it has one. */
export function selectedBy(def: ResourceDef, o: { metadata: { labels?: Record<string, string> } }): boolean {
  return !def.labelSelector || o.metadata.labels?.[def.labelSelector.key] === def.labelSelector.value;
}

export type ResourceKey = (typeof RESOURCES)[number]['key'];

export interface MissingKind {
  /** 'not-served': the API does not serve it (404) or the input does not contain it. */
  reason: 'forbidden' | 'not-served' | 'not-in-input' | 'error';
  detail: string;
}

export interface Inventory {
  cluster: { name: string; version: string | null; source: SourceKind };
  /** When the objects were read (ISO 8601); checks that compare against dates use it, not the clock. */
  readAt: string;
  objects: Record<ResourceKey, K8sObject[]>;
  /** Kinds that could not be read; checks that need them report "not assessed". */
  missing: Partial<Record<ResourceKey, MissingKind>>;
  /** Pods and pods-to-be, one per top-level controller or bare pod. */
  workloads: Workload[];
  /**
   * Each pod's entry in `workloads`, by the pod's namespace, recorded as they were derived
   * (build-inventory.ts) and kept by apply-change.ts (one namespace's at a time). Derived, so
   * optional: lib/posture/indexes (workloadOfPod) derives it when absent.
   */
  podWorkloads?: PodWorkloads;
  /** Namespaces known only because objects live in them (offline input without Namespace objects). */
  implicitNamespaces: string[];
  /** What the operator configured about this cluster (not read from it). */
  settings?: PostureSettings;
  /** Audit events folded into hourly aggregates (lib/posture/audit); absent when none reached kube-posture. */
  audit?: AuditData;
}

export type PodWorkloads = ReadonlyMap<string, ReadonlyMap<K8sObject, Workload>>;

export interface PostureSettings {
  /** Registries (host, or host/path prefix) images may come from; unset = flag public hubs. */
  allowedRegistries?: string[];
}

/** Settings from the environment: POSTURE_ALLOWED_REGISTRIES=registry.acme.internal,ghcr.io/acme */
export function settingsFromEnv(env: Record<string, string | undefined> = process.env): PostureSettings {
  const list = (env.POSTURE_ALLOWED_REGISTRIES ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase().replace(/\/+$/, ''))
    .filter(Boolean);
  return list.length ? { allowedRegistries: list } : {};
}

export function resourceByKind(kind: string, apiVersion?: string): (typeof RESOURCES)[number] | undefined {
  return lookupResource(kind, apiVersion);
}

/** The plural an API path names the resource by. */
export function pluralOf(def: ResourceDef): string {
  return def.plural ?? def.key;
}

/**
 * Finds a kind's definition by apiVersion and kind (Calico's NetworkPolicy is not Kubernetes'), or by
 * kind alone when the object names no group the list knows (a manifest without apiVersion).
 */
export function resourceLookup<D extends ResourceDef>(defs: readonly D[]): (kind: string, apiVersion?: string) => D | undefined {
  const byGroupKind = new Map(defs.map((d) => [`${d.group}/${d.kind}`, d]));
  const byKind = new Map<string, D>();
  for (const d of defs) if (!byKind.has(d.kind)) byKind.set(d.kind, d);
  const find = (kind: string, apiVersion?: string) => {
    const group = typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
    return byGroupKind.get(`${group}/${kind}`) ?? byKind.get(kind);
  };
  // Every object of a read is looked up: by apiVersion, then kind, without building a key each
  // time. Bounded, as the pairs come from the input.
  const known = new Map<unknown, Map<string, D | undefined>>();
  let size = 0;
  return (kind, apiVersion) => {
    let byVersion = known.get(apiVersion);
    const hit = byVersion?.get(kind);
    if (hit !== undefined || byVersion?.has(kind)) return hit;
    const def = find(kind, apiVersion);
    if (size < 1000) {
      if (!byVersion) known.set(apiVersion, (byVersion = new Map()));
      byVersion.set(kind, def);
      size++;
    }
    return def;
  };
}

export function emptyObjects(): Record<ResourceKey, K8sObject[]> {
  return Object.fromEntries(RESOURCES.map((r) => [r.key, []])) as unknown as Record<ResourceKey, K8sObject[]>;
}

const lookupResource = resourceLookup(RESOURCES);
