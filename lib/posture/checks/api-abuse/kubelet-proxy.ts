import { allowedNonSystem, objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.kubelet-proxy',
  severity: 'high',
  title: "Nobody reaches kubelets through the API server's node proxy",
  remediation:
    "nodes/proxy reaches the kubelet's whole API, including running commands in any pod on the node, past the audit of pods/exec. Unless it is a known monitoring agent reading metrics, take nodes/proxy from whoever used it.",
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match: (e) => (on(e, 'nodes', 'proxy') && allowedNonSystem(e) ? { object: objectOf(e), what: `${e.verb === 'create' ? 'posted to' : 'read through'} the kubelet proxy of` } : null),
  },
});
