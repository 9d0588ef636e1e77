import { allowed } from '../../audit/event';
import { by, objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

const KINDS = ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings'];

export default defineDetection({
  id: 'api-abuse.admission-webhooks-changed',
  severity: 'high',
  title: 'Admission webhooks and policies are not created, changed or deleted unexpectedly',
  remediation:
    'An admission webhook sees (and a mutating one rewrites) every object it selects; deleting a validating one lifts a guard. Confirm the change came with a known install or upgrade, and restrict write access to admissionregistration.k8s.io.',
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match(e) {
      if (!KINDS.some((k) => on(e, k)) || !allowed(e)) return null;
      const verb = e.verb ?? '';
      // Operators re-patch their own webhooks' caBundle constantly (cert-manager's cainjector):
      // updates by workloads are left out, creates and deletes by anyone but the control plane are not.
      if (['create', 'delete', 'deletecollection'].includes(verb) ? !by(e, 'person', 'serviceaccount', 'anonymous') : !(['update', 'patch'].includes(verb) && by(e, 'person', 'anonymous'))) return null;
      return { object: objectOf(e), what: verb === 'create' ? 'created' : verb.startsWith('delete') ? 'deleted' : 'changed' };
    },
  },
});
