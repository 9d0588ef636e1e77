import { admitsPrivileged, vAnyNode } from '../context';
import { any, comboEdge, jointScopes } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'namespace-labels',
  title: "lowers a namespace's Pod Security",
  precondition:
    'update/patch on a namespace (a RoleBinding there reaches its own Namespace object) together with creating pods there, where its Pod Security enforce level does not already admit privileged pods: it relabels the namespace privileged, then runs a privileged pod on any node',
  plant(ctx, h) {
    for (const { scope, pair } of jointScopes(
      any(h, 'ns-write'),
      any(h, 'pod-create').filter((a) => a.names === 'all'),
    )) {
      const strict = scope === '*' ? ctx.namespaces.filter((ns) => !admitsPrivileged(ctx, ns).admits) : admitsPrivileged(ctx, scope).admits ? [] : [scope];
      if (strict.length === 0) continue;
      comboEdge(ctx, h, vAnyNode(ctx), this.id, pair, `can relabel namespace ${scope === '*' ? strict[0] : scope} privileged and create a pod there`);
    }
  },
} satisfies PermissionEdge;
