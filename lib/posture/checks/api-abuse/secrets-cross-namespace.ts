import { serviceAccountOf } from '../../audit/actor';
import { allowed } from '../../audit/event';
import { allowedNonSystem, objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.secrets-cross-namespace',
  severity: 'high',
  title: "ServiceAccounts read only their own namespace's Secrets",
  remediation:
    "Check the workload behind the ServiceAccount: an operator that needs other namespaces' Secrets should be known and scoped by a RoleBinding per namespace; otherwise its token may be stolen. Rotate its token and the Secrets it read.",
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match(e) {
      const sa = serviceAccountOf(e.user?.username);
      const ns = e.objectRef?.namespace;
      if (!sa || !ns || ns === sa.namespace || !on(e, 'secrets') || !['get', 'list', 'watch'].includes(e.verb ?? '') || !allowed(e) || !allowedNonSystem(e)) return null;
      return { object: objectOf(e), what: `${e.verb === 'get' ? 'read' : 'listed'} another namespace's Secrets:` };
    },
  },
});
