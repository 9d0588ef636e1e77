import { allowed } from '../../audit/event';
import { byPerson, objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES, SIGMA_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.csr-by-people',
  severity: 'high',
  title: 'People do not create or approve certificate signing requests',
  remediation:
    'A client certificate signed by the cluster authenticates until it expires and cannot be revoked. Confirm who asked for it and who approved it; take create on certificatesigningrequests and update on their approval from people who do not issue certificates.',
  references: [ELASTIC_RULES, SIGMA_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match(e) {
      if (!byPerson(e) || !allowed(e)) return null;
      if (on(e, 'certificatesigningrequests') && e.verb === 'create') return { object: objectOf(e), what: 'created the certificate signing request' };
      if (on(e, 'certificatesigningrequests', 'approval') && ['update', 'patch'].includes(e.verb ?? '')) return { object: objectOf(e), what: 'approved the certificate signing request' };
      return null;
    },
  },
});
