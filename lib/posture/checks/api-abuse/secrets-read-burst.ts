import { allowed } from '../../audit/event';
import { by, on } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.secrets-read-burst',
  severity: 'high',
  title: 'No person reads many Secrets of a namespace within an hour',
  remediation:
    "Find out why the person read these Secrets; take get on secrets out of people's roles and rotate the Secrets if the reads were not theirs.",
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    // Elastic flags 3 distinct Secrets per user; people rarely read more than one or two by hand.
    threshold: { distinct: 5 },
    // ServiceAccounts read their own Secrets all day (41,000 of Elastic's 42,892 alerts a week):
    // only people count here; workloads reading other namespaces' Secrets have their own detection.
    match: (e) =>
      on(e, 'secrets') && e.verb === 'get' && e.objectRef?.name && by(e, 'person') && allowed(e)
        ? { object: { kind: 'Namespace', namespace: null, name: e.objectRef.namespace ?? '(cluster)' }, what: 'read Secrets in', distinct: e.objectRef.name }
        : null,
  },
});
