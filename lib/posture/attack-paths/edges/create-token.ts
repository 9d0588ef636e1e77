import { vCap, vIdentity } from '../context';
import { edgeFor, own, where } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'create-token',
  title: 'mints ServiceAccount tokens',
  precondition: 'create on serviceaccounts/token (the TokenRequest API) where the binding reaches; limited by resourceNames, for the ServiceAccounts named',
  plant(ctx, h) {
    for (const a of own(h, 'token-create')) {
      if (a.names === 'all') {
        edgeFor(ctx, h, vCap(ctx, 'any-sa', a.scope), this.id, a, `can mint tokens for ServiceAccounts ${where(a.scope)}`);
        continue;
      }
      for (const [ns, sas] of ctx.serviceAccounts)
        if (a.scope === '*' || a.scope === ns)
          for (const sa of sas)
            if (a.names.includes(sa))
              edgeFor(ctx, h, vIdentity(ctx, { kind: 'ServiceAccount', namespace: ns, name: sa }), this.id, a, `can mint a token for ${sa}`);
    }
  },
} satisfies PermissionEdge;
