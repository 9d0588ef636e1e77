import { defineCheck, ref } from '../../check';
import { allBindings, describeSubject, isBootstrapDefault, roleRefOf, subjectsOf } from './bindings';

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
        return {
          resource: ref(b),
          severity: b.kind === 'ClusterRoleBinding' ? ('critical' as const) : ('high' as const),
          message: `${b.kind} ${b.metadata.name} grants cluster-admin ${scope} to ${who}.`,
        };
      });
  },
});
