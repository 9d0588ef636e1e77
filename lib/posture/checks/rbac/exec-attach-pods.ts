import { dangerousPermissionCheck } from './dangerous-permission';

// A shell in a pod is its service account token, its Secrets and its network position. Before
// Kubernetes 1.31 a WebSocket exec needed only get, so get counts too.
export default dangerousPermissionCheck({
  id: 'rbac.exec-attach-pods',
  title: 'Binding grants pods/exec or pods/attach',
  severity: 'high',
  remediation: `Remove pods/exec and pods/attach from the role's rules[].resources; give break-glass access through a separate, audited role bound only when needed:
\`\`\`yaml
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]
\`\`\``,
  dangers: [{ verbs: ['create', 'get'], groups: [''], resources: ['pods/exec', 'pods/attach'], what: 'pods/exec and pods/attach' }],
});
