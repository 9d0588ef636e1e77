import { vClusterAdmin, type Context } from '../context';
import { edgeFor, own } from './held';
import type { PermissionEdge } from './types';

/** An EKS cluster, as its nodes show it (the aws-auth ConfigMap itself is not read). */
const eks = new WeakMap<Context, boolean>();

/** Once per graph: every identity asks. */
export function looksLikeEks(ctx: Context): boolean {
  let v = eks.get(ctx);
  if (v === undefined)
    eks.set(
      ctx,
      (v = ctx.inv.objects.nodes.some(
        (n) => String(n.spec?.providerID ?? '').startsWith('aws://') && Object.keys(n.metadata.labels ?? {}).some((k) => k.startsWith('eks.amazonaws.com/')),
      )),
    );
  return v;
}

export default {
  id: 'aws-auth',
  title: 'edits aws-auth',
  precondition:
    'update/patch on configmaps (all, or aws-auth named) in kube-system, on a cluster whose nodes are EKS nodes: it maps an IAM identity to system:masters. Possible only: ConfigMaps are not read (whether aws-auth is still used, rather than access entries, is not known) and it needs an AWS identity',
  plant(ctx, h) {
    const writes = own(h, 'configmap-write');
    if (writes.length === 0 || !looksLikeEks(ctx)) return;
    for (const a of writes)
      if ((a.scope === '*' || a.scope === 'kube-system') && (a.names === 'all' || a.names.includes('aws-auth')))
        edgeFor(ctx, h, vClusterAdmin(ctx), this.id, a, 'can edit ConfigMap kube-system/aws-auth to map an IAM role to system:masters', true);
  },
} satisfies PermissionEdge;
