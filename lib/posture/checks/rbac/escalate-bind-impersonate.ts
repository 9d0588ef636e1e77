import { dangerousPermissionCheck } from './support/dangerous-permission';

const RBAC = 'rbac.authorization.k8s.io';

// escalate and bind skip RBAC's own guard against granting more than you hold; impersonate lets one
// act as anyone, system:masters members included (CIS 5.1.8).
export default dangerousPermissionCheck({
  id: 'rbac.escalate-bind-impersonate',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.8' }],
  title: 'Binding grants escalate, bind or impersonate',
  severity: 'critical',
  remediation: `Remove escalate, bind and impersonate from the role's rules[].verbs. Where someone must hand out roles, let them create RoleBindings only for named roles:
\`\`\`yaml
rules:
- apiGroups: [rbac.authorization.k8s.io]
  resources: [clusterroles]
  resourceNames: [view]
  verbs: [bind]
\`\`\``,
  dangers: [
    { verbs: ['escalate', 'bind'], groups: [RBAC], resources: ['roles', 'clusterroles'], what: 'roles' },
    { verbs: ['impersonate'], groups: [''], resources: ['users', 'groups'], what: 'users and groups' },
    { verbs: ['impersonate'], groups: [''], resources: ['serviceaccounts'], what: 'service accounts' },
    {
      verbs: ['impersonate'],
      groups: ['authentication.k8s.io'],
      resources: ['uids', 'userextras/scopes'],
      what: 'user IDs and extras',
    },
  ],
});
