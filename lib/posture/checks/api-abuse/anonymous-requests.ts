import { actorKind, isHealthPath } from '../../audit/actor';
import { allowed } from '../../audit/event';
import { objectOf } from './support/match';
import { defineDetection, ELASTIC_RULES, FALCO_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.anonymous-requests',
  severity: 'high',
  title: 'No anonymous request is allowed beyond health endpoints',
  remediation:
    'Start kube-apiserver with --anonymous-auth=false (or, from 1.32, an AuthenticationConfiguration that allows anonymous only on /healthz, /livez and /readyz), and remove bindings to system:anonymous and system:unauthenticated.',
  references: [FALCO_RULES, ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    // Health probes and discovery of the issuer are anonymous by design: Elastic's rule raised
    // over 75,000 alerts a week before it left them out.
    match: (e) =>
      actorKind(e.user) === 'anonymous' && allowed(e) && !isHealthPath(e.requestURI)
        ? { object: e.objectRef ? objectOf(e) : { kind: 'Path', namespace: null, name: (e.requestURI ?? '/').split('?')[0]! }, what: `was allowed to ${/^[a-z]{1,20}$/.test(e.verb ?? '') ? e.verb : 'make a request on'}` }
        : null,
  },
});
