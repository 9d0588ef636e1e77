import { vCap, vWorkload } from '../context';
import { edgeFor, own, where } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'exec-attach',
  title: 'exec, attach or swap an image',
  precondition:
    "create on pods/exec or pods/attach (get as well before Kubernetes 1.35 or when the version is unknown: a WebSocket session needed only get), or update/patch on pods (a container's image can be replaced), where the binding reaches; limited by resourceNames, only into the pods named",
  plant(ctx, h) {
    for (const kind of ['exec', 'pod-patch'] as const) {
      const how = kind === 'exec' ? 'can exec into pods' : "can replace pods' images";
      for (const a of own(h, kind)) {
        if (a.names === 'all') {
          edgeFor(ctx, h, vCap(ctx, 'exec', a.scope), this.id, a, `${how} ${where(a.scope)}`);
          continue;
        }
        for (const [ns, pod, w] of ctx.podOwner()) {
          if ((a.scope === '*' || a.scope === ns) && a.names.includes(pod)) edgeFor(ctx, h, vWorkload(ctx, w), this.id, a, `${how} named ${pod}`);
        }
      }
    }
  },
} satisfies PermissionEdge;
