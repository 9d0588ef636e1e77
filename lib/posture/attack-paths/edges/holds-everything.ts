import { vCap, vClusterAdmin } from '../context';
import { edgeFor, own } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'holds-everything',
  title: 'holds * on *',
  precondition:
    'a grant of a rule with every verb on every resource in every API group: through a ClusterRoleBinding it is cluster-admin; through a RoleBinding, everything in that namespace (its pods, ServiceAccounts and Secrets)',
  plant(ctx, h) {
    for (const a of own(h, 'superuser')) {
      if (a.scope === '*') edgeFor(ctx, h, vClusterAdmin(ctx), this.id, a, 'holds * on * cluster-wide');
      else
        for (const kind of ['run', 'exec', 'secrets'] as const) edgeFor(ctx, h, vCap(ctx, kind, a.scope), this.id, a, `holds * on * in namespace ${a.scope}`);
    }
  },
} satisfies PermissionEdge;
