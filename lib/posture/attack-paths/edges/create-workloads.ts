import { vCap } from '../context';
import { edgeFor, own, where } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'create-workloads',
  title: 'creates pods',
  precondition:
    'create on any pod-making kind in its own API group (core pods and replicationcontrollers, apps deployments, daemonsets, statefulsets and replicasets, batch jobs and cronjobs), or update/patch of one of those controllers (its pod template), where the binding reaches. A rule limited by resourceNames never allows create; one that allows patching named controllers counts in the namespaces where a controller of that name exists',
  plant(ctx, h) {
    for (const a of own(h, 'pod-create')) {
      if (a.names === 'all') {
        edgeFor(ctx, h, vCap(ctx, 'run', a.scope), this.id, a, `can create pods ${where(a.scope)}`);
        continue;
      }
      const names = new Set(a.names);
      const spaces = new Set(
        ctx.inv.workloads.filter((w) => w.kind !== 'Pod' && names.has(w.name) && (a.scope === '*' || w.namespace === a.scope)).map((w) => w.namespace),
      );
      for (const ns of spaces) edgeFor(ctx, h, vCap(ctx, 'run', ns), this.id, a, `can rewrite the pod template of ${[...names].join(', ')} in namespace ${ns}`);
    }
  },
} satisfies PermissionEdge;
