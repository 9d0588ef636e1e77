// "Who can act here": the subjects whose bindings reach one namespace, and the notable powers they hold there.
import type { Inventory } from '../../cluster/inventory';
import { isBootstrapGrant, rbacModel, type Grant, type RbacModel } from './model';
import { isSuperuserRule, ruleAllows, type ResourceRequest } from './rules';
import { describeSubjectRef } from './subjects';

const powers = (model: RbacModel): { label: string; requests: ResourceRequest[] }[] => [
  { label: 'read Secrets', requests: ['get', 'list', 'watch'].map((verb) => ({ verb, group: '', resource: 'secrets' })) },
  // get too, on clusters before 1.35 (or of unknown version): a WebSocket exec needed only get.
  { label: 'exec into pods', requests: model.connect.verbs.map((verb) => ({ verb, group: '', resource: 'pods', subresource: 'exec' })) },
  {
    label: 'create workloads',
    requests: [
      { verb: 'create', group: '', resource: 'pods' },
      { verb: 'create', group: 'apps', resource: 'deployments' },
      { verb: 'create', group: 'batch', resource: 'jobs' },
    ],
  },
  {
    label: 'change RoleBindings',
    requests: ['create', 'update', 'patch'].map((verb) => ({ verb, group: 'rbac.authorization.k8s.io', resource: 'rolebindings' })),
  },
];

export interface AccessRow {
  subject: string;
  role: string;
  binding: string;
  /** Notable powers; ['everything'] for a cluster-admin-like role. */
  powers: string[];
}

function powersOf(g: Grant, notable: ReturnType<typeof powers>): string[] {
  if (g.rules.some((r) => isSuperuserRule(r.rule))) return ['everything'];
  return notable.filter((p) => p.requests.some((req) => g.rules.some((r) => ruleAllows(r.rule, req)))).map((p) => p.label);
}

/**
 * `local`: every grant of a RoleBinding in the namespace. `clusterWide`: ClusterRoleBindings that carry a
 * notable power here (read-only cluster-wide grants would drown the list). Bootstrap bindings are left out.
 */
export function accessInNamespace(inv: Inventory, namespace: string): { local: AccessRow[]; clusterWide: AccessRow[] } {
  const model = rbacModel(inv);
  const grants = model.grants.filter((g) => !isBootstrapGrant(g));
  const notable = powers(model);
  const row = (g: Grant): AccessRow => ({
    subject: describeSubjectRef(g.subject),
    role: `${g.role.kind} ${g.role.name}`,
    binding: `${g.binding.kind} ${g.binding.name}`,
    powers: powersOf(g, notable),
  });
  const bySubject = (a: AccessRow, b: AccessRow) => a.subject.localeCompare(b.subject) || a.binding.localeCompare(b.binding);
  return {
    local: grants
      .filter((g) => g.scope === namespace)
      .map(row)
      .sort(bySubject),
    clusterWide: grants
      .filter((g) => g.scope === null)
      .map(row)
      .filter((r) => r.powers.length > 0)
      .sort(bySubject),
  };
}
