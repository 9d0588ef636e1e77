import { allowedNonSystem, on } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.secrets-listed-cluster-wide',
  severity: 'high',
  title: 'Nobody lists every Secret of the cluster',
  remediation:
    'A cluster-wide list of Secrets returns every credential of every namespace. Find out who did it and why; take list and watch on secrets at cluster scope away from anyone who does not need it, and rotate the Secrets if it was not expected.',
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match: (e) =>
      on(e, 'secrets') && !e.objectRef?.namespace && ['list', 'watch'].includes(e.verb ?? '') && allowedNonSystem(e)
        ? { object: { kind: 'Secret', namespace: null, name: '(every namespace)' }, what: `${e.verb === 'list' ? 'listed' : 'watched'} Secrets across the cluster:` }
        : null,
  },
});
