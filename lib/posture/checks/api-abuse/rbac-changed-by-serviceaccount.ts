import { allowedNonSystem, by, objectOf } from './support/match';
import { defineDetection, ELASTIC_RULES } from './support/define-detection';

const RBAC = new Set(['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings']);

export default defineDetection({
  id: 'api-abuse.rbac-changed-by-serviceaccount',
  severity: 'high',
  title: 'ServiceAccounts do not change RBAC',
  remediation:
    'A workload that writes Roles or bindings can grant itself anything. Unless it is an operator known to manage RBAC, find out how its token was used, and take create, update, patch, delete, bind and escalate on RBAC objects from it.',
  references: [ELASTIC_RULES],
  rule: {
    window: 'hour',
    threshold: { count: 1 },
    match: (e) =>
      RBAC.has(e.objectRef?.resource ?? '') && e.objectRef?.apiGroup === 'rbac.authorization.k8s.io' && ['create', 'update', 'patch', 'delete', 'deletecollection'].includes(e.verb ?? '') && by(e, 'serviceaccount') && allowedNonSystem(e)
        ? { object: objectOf(e), what: `${e.verb === 'create' ? 'created' : e.verb?.startsWith('delete') ? 'deleted' : 'changed'}` }
        : null,
  },
});
