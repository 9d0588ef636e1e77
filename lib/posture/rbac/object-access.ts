// "Who can act on it": the subjects whose bindings let them change, delete, read or exec into one
// object, with the rules' API groups, resources, names and scope matched as the authorizer does.
// Bootstrap bindings (rbac-defaults) are left out, as on the namespace page.
import type { Inventory } from '../../cluster/inventory';
import { RESOURCES } from '../../cluster/inventory';
import type { ObjectKey } from '../object-view';
import { isBootstrapGrant, rbacModel, type Grant } from './model';
import type { AccessRow } from './namespace-access';
import { ruleAllows, type ResourceRequest } from './rules';
import { describeSubjectRef } from './subjects';

const POD_MAKERS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

/** The requests that act on the object, by what they let one do. */
function powers(r: ObjectKey, group: string, resource: string, execVerbs: string[]): { label: string; requests: ResourceRequest[] }[] {
  const on = (verbs: string[], subresource?: string, res = resource, g = group): ResourceRequest[] =>
    verbs.map((verb) => ({ verb, group: g, resource: res, name: r.name, ...(subresource ? { subresource } : {}) }));
  const out = [
    { label: 'change it', requests: on(['update', 'patch']) },
    { label: 'delete it', requests: on(['delete']) },
  ];
  if (r.kind === 'Secret') out.push({ label: 'read it', requests: on(['get']) });
  if (r.kind === 'Pod') out.push({ label: 'exec into it', requests: [...on(execVerbs, 'exec'), ...on(execVerbs, 'attach')] });
  // A controller's pods have generated names: exec into any pod of the namespace reaches them.
  else if (POD_MAKERS.has(r.kind))
    out.push({ label: 'exec into its pods', requests: execVerbs.map((verb) => ({ verb, group: '', resource: 'pods', subresource: 'exec' })) });
  return out;
}

/**
 * Grants that allow some power on the object: `local` from RoleBindings in its namespace, `clusterWide`
 * from ClusterRoleBindings. Null when the kind is not one the posture reads (Users, Groups, capabilities).
 */
export function accessToObject(inv: Inventory, r: ObjectKey): { local: AccessRow[]; clusterWide: AccessRow[] } | null {
  const res = RESOURCES.find((x) => x.kind === r.kind) ?? (r.kind === 'Secret' ? { group: '', key: 'secrets', namespaced: true } : undefined);
  if (!res || res.namespaced !== (r.namespace !== null)) return null;
  const model = rbacModel(inv);
  const asked = powers(r, res.group, res.key, model.connect.verbs);
  const query = r.namespace ? { namespace: r.namespace } : { clusterScoped: true };
  const powersOf = (g: Grant) =>
    asked.filter((p) => p.requests.some((req) => model.reaches(g, req, query) && g.rules.some((x) => ruleAllows(x.rule, req)))).map((p) => p.label);
  const rows = model.grants
    .filter((g) => !isBootstrapGrant(g))
    .map((g) => ({
      g,
      row: {
        subject: describeSubjectRef(g.subject),
        subjectRef: g.subject,
        role: `${g.role.kind} ${g.role.name}`,
        binding: `${g.binding.kind} ${g.binding.namespace ? `${g.binding.namespace}/` : ''}${g.binding.name}`,
        powers: powersOf(g),
      },
    }))
    .filter((x) => x.row.powers.length > 0);
  const bySubject = (a: AccessRow, b: AccessRow) => a.subject.localeCompare(b.subject) || a.binding.localeCompare(b.binding);
  return {
    local: rows
      .filter((x) => x.g.scope !== null)
      .map((x) => x.row)
      .sort(bySubject),
    clusterWide: rows
      .filter((x) => x.g.scope === null)
      .map((x) => x.row)
      .sort(bySubject),
  };
}
