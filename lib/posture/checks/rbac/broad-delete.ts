import { verbMatches } from '../../rbac/rules';
import { dangerousPermissionCheck, matchDangers, type Danger, type DangerMatch } from './support/dangerous-permission';

const DELETE = ['delete', 'deletecollection'];
/** "Many": a role that may delete this many kinds of resources is a wrecking ball, whichever they are. */
export const MANY_KINDS = 10;

// Deleting pods, workloads or namespaces across the cluster takes every application down at once (and a
// namespace takes everything in it); so does deleting '*' or a long list of kinds anywhere. Not a way
// in, but the blast radius of whoever holds the grant, or steals its token.
const CLUSTER_WIDE: Danger[] = [
  { verbs: DELETE, groups: [''], resources: ['pods', 'replicationcontrollers'], what: 'pods', clusterWideOnly: true },
  { verbs: DELETE, groups: ['apps'], resources: ['deployments', 'daemonsets', 'statefulsets', 'replicasets'], what: 'workloads', clusterWideOnly: true },
  { verbs: DELETE, groups: ['batch'], resources: ['jobs', 'cronjobs'], what: 'Jobs/CronJobs', clusterWideOnly: true },
  { verbs: DELETE, groups: [''], resources: ['namespaces'], what: 'namespaces', clusterWideOnly: true },
];

export default dangerousPermissionCheck({
  id: 'rbac.broad-delete',
  title: 'Binding grants deleting broadly',
  severity: 'high',
  remediation: `List only the kinds the subject must delete, in the namespaces it owns (a RoleBinding), and leave deletecollection out; deleting across the cluster belongs to a break-glass role:
\`\`\`yaml
kind: RoleBinding
metadata: {namespace: team-a}
---
rules:
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get, list, watch, update, patch, delete]
\`\`\``,
  dangers: [],
  extraMatches(rules, g, model): DangerMatch[] {
    // Rules limited by resourceNames reach only the objects they name: not broad.
    const deleting = rules.filter((r) => r.rule.resourceNames.length === 0 && DELETE.some((v) => verbMatches(r.rule, v)));
    const verbsOf = (rs: typeof rules) => DELETE.filter((v) => rs.some((r) => verbMatches(r.rule, v))).join('/');
    const wild = deleting.filter((r) => r.rule.resources.includes('*'));
    if (wild.length) return [{ phrase: `${verbsOf(wild)} every resource`, rules: wild }];
    const kinds = new Set<string>();
    const many = deleting.filter((r) => {
      let counted = false;
      for (const res of r.rule.resources.filter((x) => !x.includes('/')))
        for (const group of r.rule.apiGroups)
          if (model.reaches(g, { verb: 'delete', group, resource: res })) {
            kinds.add(`${group}/${res}`);
            counted = true;
          }
      return counted;
    });
    if (kinds.size >= MANY_KINDS) return [{ phrase: `${verbsOf(many)} ${kinds.size} kinds of resources`, rules: many }];
    return matchDangers(CLUSTER_WIDE, rules, g.scope, model);
  },
});
