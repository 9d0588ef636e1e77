// "Who can act here": the subjects whose bindings reach one namespace, and the notable powers they hold there.
import type { Inventory } from '../../cluster/inventory';
import { isBootstrapGrant, rbacModel, type Grant, type RbacModel } from './model';
import { isSuperuserRule, ruleAllows, type ResourceRequest } from './rules';
import { describeSubjectRef, type SubjectRef } from './subjects';

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
  /** Whom the binding names, for cutting the row down to what a namespace viewer may see. */
  subjectRef: SubjectRef;
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
    subjectRef: g.subject,
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

/**
 * "Who can act here" as a viewer of `visible` namespaces only may see it: the namespace's own
 * RoleBindings, with subjects of other namespaces named by kind only; and the cluster-wide
 * grants reaching it as their powers, each subject outside the viewer's namespaces (every User
 * and Group, other namespaces' ServiceAccounts) named by kind only, the role and binding by kind.
 */
export function restrictAccess(access: { local: AccessRow[]; clusterWide: AccessRow[] }, visible: ReadonlySet<string>): { local: AccessRow[]; clusterWide: AccessRow[] } {
  const mine = (s: SubjectRef) => s.kind === 'ServiceAccount' && s.namespace !== undefined && visible.has(s.namespace);
  const otherNamespace = (s: SubjectRef) => s.kind === 'ServiceAccount' && !mine(s);
  const named = (r: AccessRow, keep: boolean): AccessRow => (keep ? r : { ...r, subject: hiddenSubject(r.subjectRef) });
  // Sorted again by what is shown: the order must not hint at the hidden names.
  const bySubject = (a: AccessRow, b: AccessRow) => a.subject.localeCompare(b.subject) || a.powers.join().localeCompare(b.powers.join());
  return {
    // A local RoleBinding is the namespace's own object: its Users and Groups are the viewer's to see.
    local: access.local.map((r) => named(r, !otherNamespace(r.subjectRef))).sort(bySubject),
    clusterWide: access.clusterWide
      .map((r) => ({ ...named(r, mine(r.subjectRef)), role: r.role.split(' ')[0]! }))
      .sort(bySubject)
      .map((r, i) => ({ ...r, binding: `ClusterRoleBinding #${i + 1}` })),
  };
}

function hiddenSubject(s: SubjectRef): string {
  return s.kind === 'ServiceAccount' ? 'a ServiceAccount of another namespace' : `a ${s.kind}`;
}
