import { allowed } from '../../audit/event';
import { byPerson, objectOf, on } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

export default defineDetection({
  id: 'api-abuse.token-requested-by-people',
  severity: 'medium',
  title: "People do not mint ServiceAccounts' tokens",
  remediation:
    "A token minted by hand (kubectl create token) lets a person act as the workload, unseen, until it expires. Confirm it was expected; take create on serviceaccounts/token from people's roles.",
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match: (e) => (on(e, 'serviceaccounts', 'token') && e.verb === 'create' && byPerson(e) && allowed(e) ? { object: objectOf(e), what: 'requested a token for' } : null),
  },
});
