import { mountsToken, serviceAccountOf, vIdentity, vNode, vNodeTokens } from '../context';
import type { StructuralEdge } from './types';

export default {
  id: 'node-credentials',
  title: "a node's credentials",
  precondition:
    "root on a node reads what is stored on it: the ServiceAccount token of every pod scheduled there that mounts one, and the kubelet's own client certificate (User system:node:<node>, which the Node authorizer limits to its pods' objects; only its RBAC grants are followed)",
  plant(ctx) {
    const g = ctx.graph;
    for (const node of ctx.nodes) {
      const tokens = vNodeTokens(ctx, node);
      g.edge(vNode(ctx, node), tokens, this.id, 'root on the host reads them');
      const kubelet = { kind: 'User' as const, name: `system:node:${node}` };
      g.edge(tokens, vIdentity(ctx, kubelet), this.id, "the kubelet's client certificate");
      const seen = new Set<number>(); // one edge per ServiceAccount, from the first of its workloads on the node
      for (const w of ctx.onNode.get(node) ?? []) {
        if (!mountsToken(ctx, w)) continue;
        const id = vIdentity(ctx, { kind: 'ServiceAccount', namespace: w.namespace, name: serviceAccountOf(w) });
        if (seen.has(id)) continue;
        seen.add(id);
        g.edge(tokens, id, this.id, `the token of ${w.kind} ${w.namespace}/${w.name}'s pod`);
      }
    }
  },
} satisfies StructuralEdge;
