import { vClusterAdmin } from '../context';
import { any, comboEdge } from './held';
import type { PermissionEdge } from './types';

const CLIENT_SIGNERS = ['kubernetes.io/kube-apiserver-client', 'kubernetes.io/*'];

export default {
  id: 'csr-approve',
  title: 'signs itself a client certificate',
  precondition:
    "create on certificatesigningrequests, update/patch on certificatesigningrequests/approval and approve on signers (all, or kubernetes.io/kube-apiserver-client) cluster-wide: it approves its own CSR for any user in any group, system:masters included. Possible only: whether the controller manager signs for that signer (and the cluster's CA is trusted) is not in the API",
  plant(ctx, h) {
    const create = any(h, 'csr-create').find((a) => a.scope === '*');
    const approve = any(h, 'csr-approve').find((a) => a.scope === '*');
    const signer = any(h, 'signer-approve').find((a) => a.scope === '*' && (a.names === 'all' || a.names.some((n) => CLIENT_SIGNERS.includes(n))));
    if (create && approve && signer)
      comboEdge(ctx, h, vClusterAdmin(ctx), this.id, [create, approve, signer], 'can create and approve a client certificate for system:masters', true);
  },
} satisfies PermissionEdge;
