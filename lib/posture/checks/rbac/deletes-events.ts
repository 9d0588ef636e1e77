import { dangerousPermissionCheck } from './support/dangerous-permission';

// Events are what most teams read to learn what happened (kubectl get events, dashboards, alerting on
// FailedMount or BackOff); deleting them covers an intruder's tracks. Both APIs serve the same objects:
// core v1 events and events.k8s.io.
export default dangerousPermissionCheck({
  id: 'rbac.deletes-events',
  title: 'Binding grants deleting Events',
  severity: 'medium',
  remediation: `Remove delete and deletecollection on events from the role's rules (in both the core and events.k8s.io API groups); Events expire on their own (the API server's --event-ttl), and tools that record them need only create/patch:
\`\`\`yaml
rules:
- apiGroups: ["", events.k8s.io]
  resources: [events]
  verbs: [get, list, watch]
\`\`\``,
  dangers: [{ verbs: ['delete', 'deletecollection'], groups: ['', 'events.k8s.io'], resources: ['events'], what: 'Events' }],
});
