import { dangerousPermissionCheck } from './support/dangerous-permission';

// serviceaccounts/token create mints a token for any ServiceAccount in scope: their rights become yours (CIS 5.1.13).
export default dangerousPermissionCheck({
  id: 'rbac.creates-sa-tokens',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.13' }],
  title: 'Binding grants creating ServiceAccount tokens',
  severity: 'high',
  remediation: `Remove serviceaccounts/token from the role's rules, or limit it with resourceNames to the one ServiceAccount the subject needs a token for:
\`\`\`yaml
rules:
- apiGroups: [""]
  resources: [serviceaccounts/token]
  resourceNames: [my-agent]
  verbs: [create]
\`\`\``,
  dangers: [{ verbs: ['create'], groups: [''], resources: ['serviceaccounts/token'], what: 'ServiceAccount tokens' }],
});
