import { allowed } from '../../audit/event';
import { byPerson, objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES, FALCO_RULES, SIGMA_RULES } from './support/define-detection';

const VERBS: Record<string, string> = { exec: 'ran a command in', attach: 'attached to', portforward: 'port-forwarded to', ephemeralcontainers: 'added an ephemeral container to' };

export default defineDetection({
  id: 'api-abuse.exec-by-people',
  severity: 'medium',
  title: 'People do not exec, attach, port-forward or add ephemeral containers into pods',
  remediation:
    'Take pods/exec, pods/attach, pods/portforward and pods/ephemeralcontainers out of everyday roles; grant them just in time for debugging, and confirm each of these sessions was expected.',
  references: [FALCO_RULES, ELASTIC_RULES, SIGMA_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match(e) {
      const sub = e.objectRef?.subresource ?? '';
      if (!(sub in VERBS) || !on(e, 'pods', sub) || !byPerson(e) || !allowed(e)) return null;
      // exec, attach and port-forward are a create (or a websocket get); ephemeral containers an update or patch.
      if (sub === 'ephemeralcontainers' ? !['update', 'patch'].includes(e.verb ?? '') : !['create', 'get'].includes(e.verb ?? '')) return null;
      return { object: objectOf(e), what: VERBS[sub]! };
    },
  },
});
