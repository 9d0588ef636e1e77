import { admitsPrivileged, vAnyNode, vCap, vIdentity, vNode } from '../context';
import { namespaceEnforceFix } from '../fixes';
import type { StructuralEdge } from './types';

export default {
  id: 'run-as-service-account',
  title: 'a new pod in a namespace',
  precondition:
    "whoever runs a pod in a namespace picks its ServiceAccount (any of the namespace's), and, where the namespace's Pod Security enforce level is privileged (or unset: the API server's default), makes it privileged and pins it to any node with nodeName. Possible when the cluster has Kyverno policies, which may refuse it (their rules are not evaluated)",
  plant(ctx) {
    const g = ctx.graph;
    const policed = ctx.inv.objects.clusterpolicies.length > 0 || ctx.inv.objects.policies.length > 0;
    const anyNode = vAnyNode(ctx);
    for (const n of ctx.nodes) g.edge(anyNode, vNode(ctx, n), this.id, `scheduled on Node ${n} with nodeName`);
    for (const kind of ['run', 'exec', 'secrets', 'any-sa'] as const) {
      const all = vCap(ctx, kind, '*');
      for (const ns of ctx.namespaces) g.edge(all, vCap(ctx, kind, ns), this.id, `namespace ${ns} among them`);
    }
    for (const ns of ctx.namespaces) {
      const run = vCap(ctx, 'run', ns);
      const anySa = vCap(ctx, 'any-sa', ns);
      g.edge(run, anySa, this.id, "a pod's serviceAccountName is the creator's choice");
      for (const sa of ctx.serviceAccounts.get(ns) ?? [])
        g.edge(anySa, vIdentity(ctx, { kind: 'ServiceAccount', namespace: ns, name: sa }), this.id, 'one of them');
      const psa = admitsPrivileged(ctx, ns);
      if (psa.admits)
        g.edge(run, anyNode, this.id, psa.labelled ? `namespace ${ns} enforces Pod Security privileged` : `namespace ${ns} has no Pod Security enforce label`, {
          possible: policed,
          fixes: [namespaceEnforceFix(ns)],
        });
    }
  },
} satisfies StructuralEdge;
