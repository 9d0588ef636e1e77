import { allowed } from '../../audit/event';
import { body, isWrite, objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES, FALCO_RULES, SIGMA_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.cluster-admin-bound',
  severity: 'critical',
  title: 'Nobody binds cluster-admin',
  remediation:
    'A new binding to cluster-admin hands over the whole cluster. Confirm who asked for it; remove it if nobody did, and grant narrower roles instead. The request body is needed to see the role: audit RBAC writes at level Request or above.',
  references: [FALCO_RULES, ELASTIC_RULES, SIGMA_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match(e) {
      if (!(on(e, 'clusterrolebindings') || on(e, 'rolebindings')) || !isWrite(e) || !allowed(e)) return null;
      const roleRef = body(e)?.roleRef as { kind?: unknown; name?: unknown } | undefined;
      return roleRef?.kind === 'ClusterRole' && roleRef.name === 'cluster-admin' ? { object: objectOf(e), what: `${e.verb === 'create' ? 'created' : 'changed'} a binding to cluster-admin:` } : null;
    },
  },
});
