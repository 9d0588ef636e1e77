import { defineCheck } from '../../check';
import { selectsPod } from '../../network/network-policy';
import { workloadRef } from '../helpers';
import { policedNamespaces, policyCanApply } from './network-policies';

// Only namespaces that have some NetworkPolicy: where there is none, namespace-no-network-policy
// already says that every pod is open. Host-network pods are out of scope: policies skip them.
export default defineCheck({
  id: 'pod-security.workload-not-selected-by-network-policy',
  area: 'pod-security',
  severity: 'medium',
  title: 'Workload selected by no NetworkPolicy',
  remediation: `Add a NetworkPolicy whose podSelector matches the workload's pod labels and allows only the traffic it needs (then the same for Egress), or a namespace default deny (podSelector: {}):
\`\`\`yaml
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: APP-ingress
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: APP
  policyTypes: [Ingress]
  ingress:
  - from:
    - podSelector:
        matchLabels:
          app.kubernetes.io/name: CLIENT
    ports:
    - port: 8080
\`\`\``,
  needs: ['networkpolicies', 'pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => {
    const policed = policedNamespaces(inv);
    return inv.workloads.filter((w) => policed.has(w.namespace) && policyCanApply(w)).map(workloadRef);
  },
  evaluate(inv) {
    const policed = policedNamespaces(inv);
    return inv.workloads.flatMap((w) => {
      const policies = policed.get(w.namespace);
      if (!policies || !policyCanApply(w) || policies.some((p) => selectsPod(p, w.podLabels))) return [];
      const labels = Object.entries(w.podLabels).map(([k, v]) => `${k}=${v}`);
      return [
        {
          resource: workloadRef(w),
          message: `${w.kind} ${w.namespace}/${w.name} (pod labels ${labels.length ? labels.join(', ') : 'none'}) ${policies.length === 1 ? 'is not selected by the only NetworkPolicy' : `is selected by none of the ${policies.length} NetworkPolicies`} in ${w.namespace}: its pods accept traffic from anywhere and can reach anything.`,
        },
      ];
    });
  },
});
