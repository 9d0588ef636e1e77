import { defineCheck, ref } from '../../check';
import type { K8sObject } from '../../../cluster/types';
import { allBindings, describeSubject, isBootstrapDefault, roleRefOf, subjectsOf } from './support/bindings';

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
  title: 'Subject holds cluster-admin',
  remediation:
    'Replace the binding with a Role (or ClusterRole bound per namespace) that grants only the verbs and resources the subject needs; keep cluster-admin to a break-glass group.',
  needs: ['clusterrolebindings', 'rolebindings'],
  evaluate(inv) {
    return allBindings(inv)
      .filter((b) => !isBootstrapDefault(b))
      .filter((b) => {
        const r = roleRefOf(b);
        return r?.kind === 'ClusterRole' && r.name === 'cluster-admin';
      })
      .map((b) => {
        const who = subjectsOf(b).map(describeSubject).join(', ') || 'no subjects';
        const scope = b.kind === 'ClusterRoleBinding' ? 'across the whole cluster' : `over everything in namespace ${b.metadata.namespace}`;
        if (isKubeadmBreakGlass(b))
          return {
            resource: ref(b),
            severity: 'info' as const,
            message: `${b.kind} ${b.metadata.name} is kubeadm's break-glass binding: whoever holds /etc/kubernetes/admin.conf (or a certificate with group kubeadm:cluster-admins) is cluster-admin.`,
            remediation:
              'Keep admin.conf off workstations and day-to-day use; give people their own, narrower credentials, and rotate the certificate if it ever left the control plane.',
          };
        return {
          resource: ref(b),
          severity: b.kind === 'ClusterRoleBinding' ? ('critical' as const) : ('high' as const),
          message: `${b.kind} ${b.metadata.name} grants cluster-admin ${scope} to ${who}.`,
        };
      });
  },
});
