import { vCap, vWorkload } from '../context';
import type { StructuralEdge } from './types';

export default {
  id: 'exec-into-pods',
  title: 'exec into a pod',
  precondition: "exec (or attach, or an image swapped in place) into a namespace's pods runs code as each of them: from there, its identity and its escapes",
  plant(ctx) {
    for (const [ns, ws] of ctx.workloadsByNs) {
      const exec = vCap(ctx, 'exec', ns);
      for (const w of ws) if (w.pods > 0) ctx.graph.edge(exec, vWorkload(ctx, w), this.id, 'one of them');
    }
  },
} satisfies StructuralEdge;
