import { dangerousPermissionCheck } from './support/dangerous-permission';

// Whoever creates pods (directly or through a controller) picks their serviceAccountName, so they hold
// every ServiceAccount's rights in that namespace, and hostPath/privileged where PSA allows (CIS 5.1.4).
// Only create is counted, as CIS does; update/patch of a template reaches the same, but flagging every
// deploy pipeline's patch would drown the rest.
export default dangerousPermissionCheck({
  id: 'rbac.creates-workloads',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.4' }],
  title: 'Binding grants creating pods or workloads',
  severity: 'medium',
  remediation: `Let people deploy through a pipeline instead of creating workloads themselves; where a subject must create them, keep the grant to one namespace (a RoleBinding), and make sure that namespace enforces Pod Security Admission and holds no powerful ServiceAccount:
\`\`\`yaml
kind: RoleBinding
metadata: {namespace: team-a}
\`\`\``,
  dangers: [
    { verbs: ['create'], groups: [''], resources: ['pods', 'replicationcontrollers'], what: 'pods' },
    {
      verbs: ['create'],
      groups: ['apps'],
      resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'],
      what: 'Deployments/DaemonSets/StatefulSets/ReplicaSets',
    },
    { verbs: ['create'], groups: ['batch'], resources: ['jobs', 'cronjobs'], what: 'Jobs/CronJobs' },
  ],
});
