import { defineCheck } from '../../check';
import { defaultDenyOf } from '../../network/network-policy';
import { namespaceRef } from '../helpers';
import { countOf, policedNamespaces } from './network-policies';

// Namespaces with no NetworkPolicy at all are namespace-no-network-policy's finding; this
// check looks only at namespaces that have policies but no default deny beneath them.
export default defineCheck({
  id: 'pod-security.namespace-no-default-deny',
  area: 'pod-security',
  severity: 'medium',
  title: 'Namespace has NetworkPolicies but no default deny',
  remediation: `Add a default-deny policy, then allow only the traffic the workloads need (DNS egress first):
\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: NAME
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
\`\`\``,
  needs: ['networkpolicies', 'pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => [...policedNamespaces(inv).keys()].map(namespaceRef),
  evaluate(inv) {
    return [...policedNamespaces(inv)].flatMap(([ns, policies]) => {
      const deny = defaultDenyOf(policies);
      if (deny.ingress && deny.egress) return [];
      const missing = [!deny.ingress && 'ingress', !deny.egress && 'egress'].filter(Boolean).join(' or ');
      const effect = [
        !deny.ingress && 'pods that no ingress policy selects accept traffic from anywhere',
        !deny.egress && 'pods that no egress policy selects can reach anything, the cloud metadata endpoint included',
      ]
        .filter(Boolean)
        .join('; ');
      return [
        {
          resource: namespaceRef(ns),
          // Open ingress is how an attacker gets in; open egress is how data gets out: lower.
          severity: deny.ingress ? 'low' : 'medium',
          message: `Namespace ${ns} has ${countOf(policies.length, 'NetworkPolicy', 'NetworkPolicies')} but none denies ${missing} by default (podSelector: {} with no rules): ${effect}.`,
        },
      ];
    });
  },
});
