import { defineCheck, ref } from '../../check';
import { describeSelector } from '../../network/label-selector';
import { openRule, policyTypes, rules } from '../../network/network-policy';

export default defineCheck({
  id: 'pod-security.network-policy-allows-all',
  area: 'pod-security',
  severity: 'medium',
  title: 'NetworkPolicy allows all traffic in a direction',
  remediation: `Replace the open rule with the peers and ports the pods need; an empty rule ({}), namespaceSelector: {} or ipBlock 0.0.0.0/0 without ports undoes the isolation:
\`\`\`yaml
ingress:
- from:
  - namespaceSelector:
      matchLabels:
        kubernetes.io/metadata.name: ingress-nginx
  ports:
  - port: 8080
\`\`\``,
  needs: ['networkpolicies'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: (inv) => inv.objects.networkpolicies.map(ref),
  evaluate(inv) {
    return inv.objects.networkpolicies.flatMap((np) => {
      const open = policyTypes(np).flatMap((d) =>
        rules(np, d).flatMap((r, i) => {
          const why = openRule(r, d);
          return why ? [{ d, text: `${d.toLowerCase()} rule ${i + 1} (${why}, any port)` }] : [];
        }),
      );
      if (open.length === 0) return [];
      return [
        {
          resource: ref(np),
          severity: open.some((o) => o.d === 'Ingress') ? 'medium' : 'low',
          message: `NetworkPolicy ${np.metadata.namespace}/${np.metadata.name} selects ${describeSelector(np.spec?.podSelector ?? {})} and allows all ${[...new Set(open.map((o) => o.d.toLowerCase()))].join(' and ')}: ${open.map((o) => o.text).join('; ')}.`,
        },
      ];
    });
  },
});
