import { dangerousPermissionCheck } from './support/dangerous-permission';

// nodes/proxy reaches the kubelet API through the API server: exec into any pod on the node, without
// the pods/exec permission and without audit entries that name the pod (CIS 5.1.10).
export default dangerousPermissionCheck({
  id: 'rbac.nodes-proxy',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.10' }],
  title: 'Binding grants nodes/proxy',
  severity: 'high',
  remediation: `Replace nodes/proxy with nodes/metrics (and nodes/stats) in the role's rules[].resources, and scrape the kubelet's /metrics endpoint directly:
\`\`\`yaml
rules:
- apiGroups: [""]
  resources: [nodes/metrics, nodes/stats]
  verbs: [get]
\`\`\``,
  dangers: [{ verbs: ['get', 'create', 'update', 'patch'], groups: [''], resources: ['nodes/proxy'], what: 'nodes/proxy' }],
});
