import { defineCheck } from '../../check';
import { namespaceRef, namespacesWithout, namespacesWithWorkloads } from '../helpers';

export default defineCheck({
  id: 'pod-security.namespace-no-network-policy',
  area: 'pod-security',
  severity: 'medium',
  title: 'Namespace has no NetworkPolicy',
  remediation: 'Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) and then allow only the traffic the workloads need.',
  needs: ['networkpolicies', 'pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => namespacesWithWorkloads(inv).map(namespaceRef),
  evaluate(inv) {
    return namespacesWithout(inv, inv.objects.networkpolicies).map((ns) => ({
      resource: namespaceRef(ns),
      message: `No NetworkPolicy selects any pod in namespace ${ns}: every pod accepts traffic from, and can reach, any pod in the cluster.`,
    }));
  },
});
