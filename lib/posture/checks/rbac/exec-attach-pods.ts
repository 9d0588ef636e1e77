import { connectDanger, connectNote } from './support/connect-verbs';
import { dangerousPermissionCheck } from './support/dangerous-permission';

// A shell in a pod is its service account token, its Secrets and its network position. Before
// Kubernetes 1.35 a WebSocket exec needed only get, so get counts too on older clusters (and on
// clusters whose version we do not know, saying so); from 1.35 only create (rbac/connect.ts).
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
  dangers: (model) => [connectDanger(model, ['exec', 'attach'], 'pods/exec and pods/attach')],
  note: connectNote,
});
