import { defineCheck, type RawFinding } from '../../check';
import { join, marked, msg, named, ns, obj, prose } from '../../message';
import { rbacModel } from '../../rbac/model';
import { isSuperuserRule } from '../../rbac/rules';
import { workloadRef } from '../helpers';
import { opensWithoutLogin } from './support/login';
import { managementTools } from './support/tools';

// A management tool acts with its ServiceAccount; whoever gets into the tool (a login bypass, a
// stolen session, an unauthenticated port) gets that account's powers. Cluster-admin there makes
// every bug in the tool a cluster takeover.
export default defineCheck({
  id: 'management-tools.service-account-powers',
  area: 'management-tools',
  severity: 'high',
  severityRange: ['medium', 'critical'], // critical: cluster-admin behind no login; medium: Secrets readable cluster-wide behind a login
  title: "Management tools' ServiceAccounts hold no cluster-admin",
  remediation: `Bind the tool's ServiceAccount to a role with only what it needs. For the Dashboard and Headlamp, give the ServiceAccount nothing and let people log in with their own token (each user's RBAC then applies); for Argo CD, restrict its application controller to the namespaces it deploys to (\`--application-namespaces\`, namespaced install).`,
  references: [{ title: 'Kubernetes Dashboard: creating a sample user', url: 'https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/creating-sample-user.md' }],
  needs: ['pods', 'clusterrolebindings', 'rolebindings', 'clusterroles', 'roles'],
  // Per tool workload, and only cluster-wide grants count (ClusterRoleBindings, cluster-scoped):
  // a RoleBinding anywhere grants within its own namespace, never cluster-wide.
  scope: 'namespace',
  bindingsBySubject: true,
  examines: (inv) => managementTools(inv).map((t) => workloadRef(t.workload)),
  evaluate(inv) {
    const model = rbacModel(inv);
    return managementTools(inv).flatMap((t): RawFinding[] => {
      const w = t.workload;
      const name = typeof w.spec.serviceAccountName === 'string' && w.spec.serviceAccountName ? w.spec.serviceAccountName : 'default';
      const sa = { kind: 'ServiceAccount' as const, name, namespace: w.namespace };
      const who = msg`ServiceAccount ${ns(w.namespace)}/${obj(name, 'ServiceAccount')}`;
      const open = opensWithoutLogin(t);
      const admin = model.permissionsOf(sa).filter((g) => g.scope === null && g.rules.some((r) => isSuperuserRule(r.rule)));
      if (admin.length > 0) {
        const bindings = join(admin.map((g) => named({ kind: g.binding.kind, name: g.binding.name })));
        return [
          {
            resource: workloadRef(w),
            severity: open ? ('critical' as const) : ('high' as const),
            ...marked(msg`${named(workloadRef(w))} runs ${prose(t.tool.name)} as ${who}, which holds every verb on every resource cluster-wide (through ${bindings})${open ? msg`; ${prose(open)}` : msg``}.`),
          },
        ];
      }
      const secrets = model.allows(sa, 'list', 'secrets').grants.filter((m) => m.grant.scope === null);
      if (secrets.length === 0) return [];
      const bindings = join([...new Map(secrets.map((m) => [m.grant.binding.name, named({ kind: m.grant.binding.kind, name: m.grant.binding.name })])).values()]);
      return [
        {
          resource: workloadRef(w),
          severity: open ? ('high' as const) : ('medium' as const),
          ...marked(msg`${named(workloadRef(w))} runs ${prose(t.tool.name)} as ${who}, which can list Secrets in every namespace (through ${bindings})${open ? msg`; ${prose(open)}` : msg``}.`),
        },
      ];
    });
  },
});
