// Which resources are cluster-scoped. A request for one carries no namespace, so the authorizer asks
// only ClusterRoleBindings: a RoleBinding never grants it, whatever its role says ('*' included).
// Built-in kinds from this table, custom resources from their CustomResourceDefinition's spec.scope.
import type { K8sObject } from '../../cluster/types';

const BUILT_IN: Record<string, string[]> = {
  '': ['namespaces', 'nodes', 'persistentvolumes', 'componentstatuses', 'users', 'groups'],
  'rbac.authorization.k8s.io': ['clusterroles', 'clusterrolebindings'],
  'storage.k8s.io': ['storageclasses', 'csidrivers', 'csinodes', 'volumeattachments', 'volumeattributesclasses'],
  'apiextensions.k8s.io': ['customresourcedefinitions'],
  'apiregistration.k8s.io': ['apiservices'],
  'admissionregistration.k8s.io': [
    'mutatingwebhookconfigurations',
    'validatingwebhookconfigurations',
    'validatingadmissionpolicies',
    'validatingadmissionpolicybindings',
    'mutatingadmissionpolicies',
    'mutatingadmissionpolicybindings',
  ],
  'certificates.k8s.io': ['certificatesigningrequests', 'clustertrustbundles', 'signers'],
  'scheduling.k8s.io': ['priorityclasses'],
  'node.k8s.io': ['runtimeclasses'],
  'networking.k8s.io': ['ingressclasses', 'ipaddresses', 'servicecidrs'],
  'flowcontrol.apiserver.k8s.io': ['flowschemas', 'prioritylevelconfigurations'],
  policy: ['podsecuritypolicies'],
  'authentication.k8s.io': ['tokenreviews', 'selfsubjectreviews', 'uids', 'userextras'],
  'authorization.k8s.io': ['subjectaccessreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
  'resource.k8s.io': ['deviceclasses', 'resourceslices'],
  'internal.apiserver.k8s.io': ['storageversions'],
  'storagemigration.k8s.io': ['storageversionmigrations'],
};

const key = (group: string, resource: string) => `${group}/${resource}`;
const BUILT_IN_KEYS = new Set(Object.entries(BUILT_IN).flatMap(([g, rs]) => rs.map((r) => key(g, r))));

const NAMESPACE_OBJECT_VERBS = new Set(['get', 'update', 'patch', 'delete']);

/**
 * The requests for a cluster-scoped resource that still carry a namespace, so a RoleBinding there counts:
 * - 'own-namespace': GET/PUT/PATCH/DELETE /api/v1/namespaces/x (and its status, finalize) carry namespace x,
 *   so a RoleBinding in x reaches namespace x itself (not list, watch or create);
 * - 'binding-namespace': `bind` on a ClusterRole is checked in the namespace of the RoleBinding being
 *   written (pkg/registry/rbac escalation_check.go), so a RoleBinding in x lets one bind it in x.
 */
export function namespacedAsk(req: { verb: string; group: string; resource: string }): 'own-namespace' | 'binding-namespace' | null {
  if (req.group === '' && req.resource === 'namespaces' && NAMESPACE_OBJECT_VERBS.has(req.verb)) return 'own-namespace';
  if (req.group === 'rbac.authorization.k8s.io' && req.resource === 'clusterroles' && req.verb === 'bind') return 'binding-namespace';
  return null;
}

/** Cluster-scoped resources: the built-in table plus every CRD whose spec.scope is Cluster. */
export function clusterScopedResources(crds: readonly K8sObject[]): (group: string, resource: string) => boolean {
  const custom = new Set<string>();
  for (const crd of crds) {
    const spec = crd.spec as { scope?: unknown; group?: unknown; names?: { plural?: unknown } } | undefined;
    if (spec?.scope === 'Cluster' && typeof spec.group === 'string' && typeof spec.names?.plural === 'string') custom.add(key(spec.group, spec.names.plural));
  }
  // A subresource has its parent's scope.
  return (group, resource) => {
    const k = key(group, resource.split('/')[0]!);
    return BUILT_IN_KEYS.has(k) || custom.has(k);
  };
}
