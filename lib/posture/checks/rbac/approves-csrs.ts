import { ruleAllows } from '../../rbac/rules';
import { dangerousPermissionCheck, weightedRange } from './support/dangerous-permission';

const CERTS = 'certificates.k8s.io';

// Approving a CertificateSigningRequest for the kube-apiserver-client signer issues a client certificate
// for any user or group, system:masters included (CIS 5.1.11). The API server wants both update on
// certificatesigningrequests/approval and approve on the signer: with both in the same role it is high,
// with the approval update alone medium (the signer grant may come from another binding).
export default dangerousPermissionCheck({
  id: 'rbac.approves-csrs',
  references: [{ title: 'CIS Kubernetes Benchmark 5.1.11' }],
  title: 'Binding grants approving CertificateSigningRequests',
  severity: 'high',
  severityRange: weightedRange('medium', 'high'), // medium without approve on a signer (baseSeverity)
  remediation: `Remove update on certificatesigningrequests/approval (and approve on signers) from the role's rules; leave CSR approval to the controller manager, or limit approve to your own signer with resourceNames:
\`\`\`yaml
rules:
- apiGroups: [certificates.k8s.io]
  resources: [signers]
  resourceNames: [example.com/my-signer]
  verbs: [approve]
\`\`\``,
  dangers: [
    {
      verbs: ['update', 'patch'],
      groups: [CERTS],
      resources: ['certificatesigningrequests/approval'],
      what: 'CertificateSigningRequest approval',
    },
  ],
  baseSeverity(_matches, g) {
    const approvesSigners = g.rules.some((r) => ruleAllows(r.rule, { verb: 'approve', group: CERTS, resource: 'signers' }));
    return approvesSigners ? 'high' : 'medium';
  },
});
