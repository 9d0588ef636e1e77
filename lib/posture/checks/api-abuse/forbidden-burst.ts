import { isHealthPath } from '../../audit/actor';
import { forbidden } from '../../audit/event';
import { actorObject, by } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.forbidden-burst',
  severity: 'medium',
  title: 'No identity is refused again and again (permission enumeration)',
  remediation:
    'Many forbidden requests from one identity within an hour are someone trying what a credential can do. Find out who holds it; if it is a workload, check it for compromise; if it is misconfigured, give it the permission it needs or stop it asking.',
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 20, distinct: 3 },
    // Nodes and the control plane are refused routinely while caches warm up; anonymous probes of health paths are noise.
    match: (e) =>
      forbidden(e) && by(e, 'person', 'serviceaccount', 'anonymous') && !isHealthPath(e.requestURI)
        ? { object: actorObject(e), what: 'was refused requests; refused identity', distinct: `${e.verb ?? ''} ${e.objectRef?.resource ?? 'path'}` }
        : null,
  },
});
