import { mountsToken, serviceAccountOf, vIdentity, vWorkload } from '../context';
import { podFieldFix } from '../fixes';
import type { StructuralEdge } from './types';

export default {
  id: 'workload-identity',
  title: "a container's ServiceAccount",
  precondition:
    "code in a container acts as the pod's ServiceAccount when its token is mounted: automountServiceAccountToken not false on the pod (or, unset there, on the ServiceAccount), or a projected serviceAccountToken volume",
  plant(ctx) {
    for (const w of ctx.inv.workloads) {
      if (!mountsToken(ctx, w)) continue;
      const sa = serviceAccountOf(w);
      ctx.graph.edge(vWorkload(ctx, w), vIdentity(ctx, { kind: 'ServiceAccount', namespace: w.namespace, name: sa }), this.id, 'its mounted token', {
        fixes: [podFieldFix(w, 'automountServiceAccountToken', 'false', 'stop mounting the ServiceAccount token')],
      });
    }
  },
} satisfies StructuralEdge;
