import { defineCheck } from '../../check';
import { namespaceRef } from '../helpers';
import { deniesByDefault, describePolicies, isPoliced, isUnknown, namespaceNetworks, type NamespaceNetwork } from './support/network-policies';

// Namespaces with no policy at all are namespace-no-network-policy's finding; this check looks
// only at namespaces that have policies but no default deny beneath them. A default deny may come
// from any engine: a NetworkPolicy (podSelector: {}, no rules), a Cilium rule selecting every pod
// with an empty ingress rule or an ingressDeny from "all", a Calico policy with no allow rule, or
// an (Baseline)AdminNetworkPolicy Deny from every namespace.
function judge(n: NamespaceNetwork) {
  const policed = isPoliced(n);
  if (policed !== true) return { policed, ingress: true, egress: true } as const;
  return { policed, ingress: deniesByDefault(n, 'Ingress'), egress: deniesByDefault(n, 'Egress') };
}

/** Not assessed: its policies' reach is unknown, or no direction is known to be open but one is unknown. */
function unknownReason(j: ReturnType<typeof judge>): string | null {
  if (isUnknown(j.policed)) return j.policed.unknown;
  if (j.ingress === false || j.egress === false) return null;
  return isUnknown(j.ingress) ? j.ingress.unknown : isUnknown(j.egress) ? j.egress.unknown : null;
}

export default defineCheck({
  id: 'pod-security.namespace-no-default-deny',
  area: 'pod-security',
  severity: 'medium',
  title: 'Namespaces with NetworkPolicies deny by default',
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
  examines: (inv) =>
    namespaceNetworks(inv)
      .filter((n) => {
        const j = judge(n);
        return j.policed === true && unknownReason(j) === null;
      })
      .map((n) => namespaceRef(n.name)),
  notAssessedFor: (inv) =>
    namespaceNetworks(inv).flatMap((n) => {
      const why = unknownReason(judge(n));
      return why ? [{ resource: namespaceRef(n.name), reason: why }] : [];
    }),
  evaluate(inv) {
    return namespaceNetworks(inv).flatMap((n) => {
      const j = judge(n);
      if (j.policed !== true || (j.ingress !== false && j.egress !== false)) return [];
      const missing = [j.ingress === false && 'ingress', j.egress === false && 'egress'].filter(Boolean).join(' or ');
      const effect = [
        j.ingress === false && 'pods that no ingress policy selects accept traffic from anywhere',
        j.egress === false && 'pods that no egress policy selects can reach anything, the cloud metadata endpoint included',
      ]
        .filter(Boolean)
        .join('; ');
      const other = isUnknown(j.ingress) ? ` (Ingress: ${j.ingress.unknown})` : isUnknown(j.egress) ? ` (Egress: ${j.egress.unknown})` : '';
      return [
        {
          resource: namespaceRef(n.name),
          // Open ingress is how an attacker gets in; open egress is how data gets out: lower.
          severity: j.ingress === false ? 'medium' : 'low',
          message: `Namespace ${n.name} has ${describePolicies(n)} but none denies ${missing} by default (podSelector: {} with no rules): ${effect}.${other}`,
        },
      ];
    });
  },
});
