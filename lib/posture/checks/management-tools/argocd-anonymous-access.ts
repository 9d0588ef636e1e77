import { defineCheck } from '../../check';
import { marked, msg, named, obj, type Message } from '../../message';
import type { Severity } from '../../types';
import { workloadRef } from '../helpers';
import { managementTools } from './support/tools';

// argocd-cm `users.anonymous.enabled: "true"` lets requests without a token in, with the role
// argocd-rbac-cm's `policy.default` names (Argo CD docs: user-management, "anonymous access").
// Older releases added CVE-2022-29165 on top: with anonymous access on, a crafted JWT
// impersonated any user, admin included.
function weight(policyDefault: string | undefined): { severity: Severity; what: Message } {
  const role = policyDefault?.trim() ?? '';
  if (role === 'role:admin') return { severity: 'critical', what: msg`policy.default is role:admin, so anyone who reaches Argo CD can deploy anything it can` };
  if (role === '') return { severity: 'medium', what: msg`policy.default is empty, so anonymous requests get no rights of their own (a bug like CVE-2022-29165 still starts from here)` };
  return { severity: 'high', what: msg`policy.default gives every anonymous request ${obj(role)}` };
}

export default defineCheck({
  id: 'management-tools.argocd-anonymous-access',
  area: 'management-tools',
  severity: 'high',
  severityRange: ['medium', 'critical'],
  title: 'Argo CD does not accept anonymous requests',
  remediation: `Turn anonymous access off in argocd-cm and give policy.default no role:
\`\`\`yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: argocd-cm
data:
  users.anonymous.enabled: "false"
\`\`\``,
  references: [
    { title: 'Argo CD user management: anonymous access', url: 'https://argo-cd.readthedocs.io/en/stable/operator-manual/user-management/' },
    { title: 'CVE-2022-29165 (GHSA-r642-gv9p-2wjj)', url: 'https://github.com/argoproj/argo-cd/security/advisories/GHSA-r642-gv9p-2wjj' },
  ],
  needs: ['pods', 'argocdconfigmaps'],
  scope: 'namespace', // argocd-cm and argocd-rbac-cm live in the server's namespace
  examines: (inv) => servers(inv).filter((t) => hasArgocdCm(inv, t.workload.namespace)).map((t) => workloadRef(t.workload)),
  notAssessedFor: (inv) =>
    servers(inv)
      .filter((t) => !hasArgocdCm(inv, t.workload.namespace))
      .map((t) => ({ resource: workloadRef(t.workload), reason: 'no argocd-cm ConfigMap (labelled app.kubernetes.io/part-of: argocd) was read in its namespace' })),
  evaluate(inv) {
    return servers(inv).flatMap((t) => {
      if (t.configMapValue('argocd-cm', 'users.anonymous.enabled')?.trim().toLowerCase() !== 'true') return [];
      const { severity, what } = weight(t.configMapValue('argocd-rbac-cm', 'policy.default'));
      return [{ resource: workloadRef(t.workload), severity, ...marked(msg`${named(workloadRef(t.workload))} serves Argo CD with users.anonymous.enabled: "true" in argocd-cm: ${what}.`) }];
    });
  },
});

const servers = (inv: Parameters<typeof managementTools>[0]) => managementTools(inv).filter((t) => t.tool.id === 'argocd-server');
const hasArgocdCm = (inv: Parameters<typeof managementTools>[0], namespace: string) =>
  inv.objects.argocdconfigmaps.some((m) => m.metadata.namespace === namespace && m.metadata.name === 'argocd-cm');
