import { defineCheck, ref } from '../../check';
import type { K8sObject } from '../../../cluster/types';
import { marked, msg, named, ns } from '../../message';
import { allBindings, isBootstrapDefault, roleRefOf, subjectsOf } from './support/bindings';
import { subjectPhrase } from './support/dangerous-permission';

// kubeadm (1.29+) binds the group in /etc/kubernetes/admin.conf's certificate to cluster-admin:
// the break-glass credential. Listed, so nobody forgets it exists, but it weighs nothing.
function isKubeadmBreakGlass(b: K8sObject): boolean {
  const subjects = subjectsOf(b);
  return (
    b.kind === 'ClusterRoleBinding' &&
    b.metadata.name === 'kubeadm:cluster-admins' &&
    subjects.length === 1 &&
    subjects[0]!.kind === 'Group' &&
    subjects[0]!.name === 'kubeadm:cluster-admins'
  );
}

export default defineCheck({
  id: 'rbac.binds-cluster-admin',
  area: 'rbac',
  severity: 'critical',
  severityRange: ['info', 'critical'], // a RoleBinding high; kubeadm's break-glass binding info
  title: 'Subject holds cluster-admin',
  remediation:
    'Replace the binding with a Role (or ClusterRole bound per namespace) that grants only the verbs and resources the subject needs; keep cluster-admin to a break-glass group.',
  needs: ['clusterrolebindings', 'rolebindings'],
  scope: 'binding',
  evaluate(inv) {
    return allBindings(inv)
      .filter((b) => !isBootstrapDefault(b))
      .filter((b) => {
        const r = roleRefOf(b);
        return r?.kind === 'ClusterRole' && r.name === 'cluster-admin';
      })
      .map((b) => {
        const subjects = subjectsOf(b).map(subjectPhrase);
        const who = subjects.length ? msg`${subjects}` : msg`no subjects`;
        const scope = b.kind === 'ClusterRoleBinding' ? msg`across the whole cluster` : msg`over everything in namespace ${ns(b.metadata.namespace ?? '')}`;
        const binding = named({ kind: b.kind, name: b.metadata.name });
        if (isKubeadmBreakGlass(b))
          return {
            resource: ref(b),
            severity: 'info' as const,
            ...marked(
              msg`${binding} is kubeadm's break-glass binding: whoever holds /etc/kubernetes/admin.conf (or a certificate with group kubeadm:cluster-admins) is cluster-admin.`,
            ),
            remediation:
              'Keep admin.conf off workstations and day-to-day use; give people their own, narrower credentials, and rotate the certificate if it ever left the control plane.',
          };
        return {
          resource: ref(b),
          severity: b.kind === 'ClusterRoleBinding' ? ('critical' as const) : ('high' as const),
          ...marked(msg`${binding} grants cluster-admin ${scope} to ${who}.`),
        };
      });
  },
});
