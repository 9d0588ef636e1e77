import { dangerousPermissionCheck } from './support/dangerous-permission';

// A mutating webhook sees and rewrites every object it selects, Secrets and pod specs included; editing
// a validating one can switch off the cluster's admission policy (CIS 5.1.12).
export default dangerousPermissionCheck({
  id: 'rbac.edits-admission-webhooks',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.12' }],
  title: 'Binding grants changing admission webhook configurations',
  severity: 'high',
  remediation: `Remove create/update/patch on validatingwebhookconfigurations and mutatingwebhookconfigurations from the role's rules; where a controller must patch its own webhook's caBundle, name it:
\`\`\`yaml
rules:
- apiGroups: [admissionregistration.k8s.io]
  resources: [validatingwebhookconfigurations]
  resourceNames: [my-webhook]
  verbs: [get, update, patch]
\`\`\``,
  dangers: [
    {
      verbs: ['create', 'update', 'patch'],
      groups: ['admissionregistration.k8s.io'],
      resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
      what: 'admission webhook configurations',
    },
  ],
});
