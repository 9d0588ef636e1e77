import { connectDanger, connectNote } from './support/connect-verbs';
import { dangerousPermissionCheck } from './support/dangerous-permission';

// Port-forward opens a tunnel from the caller into a pod's network namespace: it reaches ports bound to
// localhost (admin consoles, debug endpoints, databases without auth) and bypasses NetworkPolicy, which
// does not see kubelet-forwarded traffic. Less than a shell, so one step below exec. Like exec, a
// WebSocket port-forward needed only get before Kubernetes 1.35.
export default dangerousPermissionCheck({
  id: 'rbac.port-forward-pods',
  title: 'Binding grants pods/portforward',
  severity: 'medium',
  remediation: `Remove pods/portforward from the role's rules[].resources; expose what people need through a Service with its own authentication, or grant port-forward through a separate role bound only when needed:
\`\`\`yaml
rules:
- apiGroups: [""]
  resources: [pods, services]
  verbs: [get, list, watch]
\`\`\``,
  dangers: (model) => [connectDanger(model, ['portforward'], 'pods/portforward')],
  note: connectNote,
});
