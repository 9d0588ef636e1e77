import type { K8sObject } from '../../../cluster/types';
import { defineCheck, ref } from '../../check';
import { marked, msg, named, ns, subject } from '../../message';
import { allBindings, isBootstrapDefault, roleRefOf, subjectsOf } from '../rbac/support/bindings';

// Everyone who can reach the API server, with or without credentials.
const EVERYONE: Record<string, 'critical' | 'high'> = {
  'User/system:anonymous': 'critical',
  'Group/system:unauthenticated': 'critical',
  'Group/system:authenticated': 'high',
};

// kubeadm lets anonymous clients read the cluster-info ConfigMap so nodes can join: expected,
// as long as the binding still points at kubeadm's own Role.
const KUBEADM_DEFAULTS = new Set(['RoleBinding/kube-public/kubeadm:bootstrap-signer-clusterinfo->Role/kubeadm:bootstrap-signer-clusterinfo']);
const isKubeadmDefault = (b: K8sObject) => {
  const r = roleRefOf(b);
  return KUBEADM_DEFAULTS.has(`${b.kind}/${b.metadata.namespace}/${b.metadata.name}->${r?.kind}/${r?.name}`);
};

export default defineCheck({
  id: 'authn-authz.binding-to-everyone',
  area: 'authn-authz',
  severity: 'critical',
  severityRange: ['high', 'critical'], // system:authenticated alone is high
  title: 'Role bound to anonymous, unauthenticated or all authenticated users',
  remediation:
    "Remove system:anonymous, system:unauthenticated and system:authenticated from the binding's subjects; bind the role to the specific users, groups or service accounts that need it.",
  needs: ['clusterrolebindings', 'rolebindings'],
  scope: 'binding',
  evaluate(inv) {
    return allBindings(inv)
      .filter((b) => !isBootstrapDefault(b) && !isKubeadmDefault(b))
      .flatMap((b) => {
        const hit = subjectsOf(b).filter((s) => EVERYONE[`${s.kind}/${s.name}`]);
        if (hit.length === 0) return [];
        const severity = hit.some((s) => EVERYONE[`${s.kind}/${s.name}`] === 'critical') ? 'critical' : 'high';
        const role = roleRefOf(b);
        return [
          {
            resource: ref(b),
            severity,
            ...marked(
              msg`${named({ kind: b.kind, name: b.metadata.name })} grants ${role ? named(role) : msg`a role`} to ${hit.map((s) => subject(s.name))}${
                b.kind === 'RoleBinding' ? msg` in namespace ${ns(b.metadata.namespace ?? '')}` : msg``
              }.`,
            ),
          },
        ];
      });
  },
});
