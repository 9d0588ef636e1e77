import { defineCheck } from '../../check';
import { workloadRef } from '../helpers';
import { describePolicies, isIsolated, isPoliced, isUnknown, namespaceNetworks, onlyPolicyKind, policyCanApply, selectingWithoutEffect } from './support/network-policies';

/** Each workload the check looks at (in namespaces with some policy; not host-network), with its answer. */
function judged(inv: Parameters<typeof namespaceNetworks>[0]) {
  return namespaceNetworks(inv).flatMap((n) => {
    const policed = isPoliced(n);
    if (policed === false) return [];
    return n.workloads.filter(policyCanApply).map((w) => ({ n, w, isolated: isUnknown(policed) ? policed : isIsolated(n, w) }));
  });
}

// Only namespaces that have some policy: where there is none, namespace-no-network-policy
// already says that every pod is open. Host-network pods are out of scope: policies skip them.
// Policies of Cilium, Calico and (Baseline)AdminNetworkPolicy count when they restrict the pods.
export default defineCheck({
  id: 'pod-security.workload-not-selected-by-network-policy',
  area: 'pod-security',
  severity: 'medium',
  title: 'Workloads are selected by a NetworkPolicy',
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
  examines: (inv) =>
    judged(inv)
      .filter((j) => !isUnknown(j.isolated))
      .map((j) => workloadRef(j.w)),
  notAssessedFor: (inv) => judged(inv).flatMap((j) => (isUnknown(j.isolated) ? [{ resource: workloadRef(j.w), reason: j.isolated.unknown }] : [])),
  evaluate(inv) {
    return judged(inv)
      .filter((j) => j.isolated === false)
      .map(({ n, w }) => {
        const labels = Object.entries(w.podLabels).map(([k, v]) => `${k}=${v}`);
        const inert = selectingWithoutEffect(n, w);
        const only = onlyPolicyKind(n);
        const inertText = inert.length ? ` ${inert.join(', ')} select${inert.length === 1 ? 's' : ''} it but ha${inert.length === 1 ? 's' : 've'} no ingress or egress rules, so restrict nothing.` : '';
        return {
          resource: workloadRef(w),
          message: `${w.kind} ${w.namespace}/${w.name} (pod labels ${labels.length ? labels.join(', ') : 'none'}) ${only ? `is not selected by the only ${only}` : `is selected by none of the ${describePolicies(n)}`} in ${w.namespace}: its pods accept traffic from anywhere and can reach anything.${inertText}`,
        };
      });
  },
});
