import { allowed } from '../../audit/event';
import { body, isWrite, objectOf, on } from './support/match';
import { defineDetection, FALCO_RULES } from './support/define-detection';

function wildcard(rules: unknown): boolean {
  if (!Array.isArray(rules)) return false;
  return rules.some((r: { verbs?: unknown; resources?: unknown }) => [r?.verbs, r?.resources].some((l) => Array.isArray(l) && l.includes('*')));
}

export default defineDetection({
  id: 'api-abuse.wildcard-role-created',
  severity: 'high',
  title: 'Nobody creates or widens a role to every verb or resource',
  remediation:
    'A role with "*" in verbs or resources grants what exists today and whatever is added later. Replace the wildcards with the verbs and resources needed. The request body is needed to see the rules: audit RBAC writes at level Request or above.',
  references: [FALCO_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match(e) {
      if (!(on(e, 'clusterroles') || on(e, 'roles')) || !isWrite(e) || !allowed(e)) return null;
      // Built-in aggregated roles (admin, edit, view) are rewritten by the aggregation controller, which is no person.
      const b = body(e);
      return b && wildcard(b.rules) ? { object: objectOf(e), what: `${e.verb === 'create' ? 'created' : 'changed'} a role with wildcard rules:` } : null;
    },
  },
});
