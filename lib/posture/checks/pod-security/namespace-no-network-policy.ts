import { defineCheck } from '../../check';
import { namespaceRef } from '../helpers';
import { isPoliced, isUnknown, namespaceNetworks } from './support/network-policies';

// Any engine's policy counts: a NetworkPolicy, a Cilium or Calico policy in the namespace, or a
// cluster-wide one (CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy, AdminNetworkPolicy)
// isolating some of its pods. Where an engine's policies cannot be evaluated or read, the
// namespace is not assessed rather than reported open.
export default defineCheck({
  id: 'pod-security.namespace-no-network-policy',
  area: 'pod-security',
  severity: 'medium',
  title: 'Namespaces have a NetworkPolicy',
  remediation:
    'Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) and then allow only the traffic the workloads need (or the equivalent policy of the network plugin in use: Cilium, Calico).',
  needs: ['networkpolicies', 'pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) =>
    namespaceNetworks(inv)
      .filter((n) => !isUnknown(isPoliced(n)))
      .map((n) => namespaceRef(n.name)),
  notAssessedFor: (inv) =>
    namespaceNetworks(inv).flatMap((n) => {
      const p = isPoliced(n);
      return isUnknown(p) ? [{ resource: namespaceRef(n.name), reason: p.unknown }] : [];
    }),
  evaluate(inv) {
    return namespaceNetworks(inv)
      .filter((n) => isPoliced(n) === false)
      .map((n) => ({
        resource: namespaceRef(n.name),
        message: `No NetworkPolicy selects any pod in namespace ${n.name}, nor does any Cilium, Calico or AdminNetworkPolicy policy: every pod accepts traffic from, and can reach, any pod in the cluster.`,
      }));
  },
});
