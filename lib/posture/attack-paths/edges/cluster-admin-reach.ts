import { vAnyNode, vCap, vClusterAdmin } from '../context';
import type { StructuralEdge } from './types';

export default {
  id: 'cluster-admin-reach',
  title: 'what cluster-admin reaches',
  precondition: 'cluster-admin runs pods and execs in every namespace, reads every Secret, and can relabel any namespace to admit a privileged pod on any node',
  plant(ctx) {
    const ca = vClusterAdmin(ctx);
    ctx.graph.edge(ca, vCap(ctx, 'run', '*'), this.id, 'creates pods anywhere');
    ctx.graph.edge(ca, vCap(ctx, 'exec', '*'), this.id, 'execs anywhere');
    ctx.graph.edge(ca, vCap(ctx, 'secrets', '*'), this.id, 'reads every Secret');
    ctx.graph.edge(ca, vAnyNode(ctx), this.id, 'admits a privileged pod (relabels a namespace if need be)');
  },
} satisfies StructuralEdge;
