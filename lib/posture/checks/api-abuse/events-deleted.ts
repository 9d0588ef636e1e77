import { allowedNonSystem, by, objectOf } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.events-deleted',
  severity: 'medium',
  title: 'Nobody deletes Kubernetes events',
  remediation:
    'Events expire by themselves; deleting them by hand hides what happened. Find out who did it and what the events said (the audit log still has the requests), and take delete on events from them.',
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match: (e) =>
      e.objectRef?.resource === 'events' && ['delete', 'deletecollection'].includes(e.verb ?? '') && by(e, 'person', 'serviceaccount', 'anonymous') && allowedNonSystem(e)
        ? { object: objectOf(e, '(collection)'), what: 'deleted events:' }
        : null,
  },
});
