import { vCap, vWorkload } from '../context';
import { edgeFor, own } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'nodes-proxy',
  title: "the kubelet's API",
  precondition:
    'get or create on nodes/proxy cluster-wide (the kubelet authorizes a WebSocket exec, a GET, as get): exec into every pod through the kubelet, bypassing pods/exec; limited by resourceNames, the pods on the nodes named',
  plant(ctx, h) {
    for (const a of own(h, 'nodes-proxy')) {
      if (a.scope !== '*') continue;
      if (a.names === 'all') edgeFor(ctx, h, vCap(ctx, 'exec', '*'), this.id, a, "can exec into any pod through the kubelet's API (nodes/proxy)");
      else
        for (const n of a.names)
          for (const w of ctx.onNode.get(n) ?? []) edgeFor(ctx, h, vWorkload(ctx, w), this.id, a, `can exec through Node ${n}'s kubelet (nodes/proxy)`);
    }
  },
} satisfies PermissionEdge;
