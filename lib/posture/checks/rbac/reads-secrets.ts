import { dangerousPermissionCheck } from './support/dangerous-permission';

// get, list and watch all return the Secret's data (CIS 5.1.2): service account tokens, TLS keys, passwords.
export default dangerousPermissionCheck({
  id: 'rbac.reads-secrets',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.2' }],
  title: 'Binding grants reading Secrets',
  severity: 'high',
  remediation: `Drop get/list/watch on secrets from the role's rules, or limit the rule with resourceNames to the Secrets the subject needs (list and watch cannot be limited this way):
\`\`\`yaml
rules:
- apiGroups: [""]
  resources: [secrets]
  resourceNames: [app-tls]
  verbs: [get]
\`\`\``,
  // admin/edit in a namespace read its Secrets by design: still worth knowing, so reported as low.
  delegationSeverity: 'low',
  dangers: [{ verbs: ['get', 'list', 'watch'], groups: [''], resources: ['secrets'], what: 'Secrets' }],
});
