import { vCap, vIdentity } from '../context';
import { edgeFor, own, where } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'read-secrets',
  title: 'reads Secrets',
  precondition:
    'list or watch on secrets reads every Secret where the binding reaches; get alone reads them too but needs their names (possible); get limited by resourceNames reads the named Secrets only: a legacy ServiceAccount token among them is that ServiceAccount',
  plant(ctx, h) {
    const listers = own(h, 'secrets-list');
    for (const a of listers) if (a.names === 'all') edgeFor(ctx, h, vCap(ctx, 'secrets', a.scope), this.id, a, `can list Secrets ${where(a.scope)}`);
    for (const a of own(h, 'secrets-get')) {
      if (a.names === 'all') {
        if (!listers.some((l) => l.names === 'all' && (l.scope === '*' || l.scope === a.scope)))
          edgeFor(ctx, h, vCap(ctx, 'secrets', a.scope), this.id, a, `can get Secrets by name ${where(a.scope)}`, true);
        continue;
      }
      for (const [ns, tokens] of ctx.legacyTokens) {
        if (a.scope !== '*' && a.scope !== ns) continue;
        for (const [secret, sa] of tokens)
          if (a.names.includes(secret))
            edgeFor(ctx, h, vIdentity(ctx, { kind: 'ServiceAccount', namespace: ns, name: sa }), this.id, a, `can get Secret ${ns}/${secret}, a token`);
      }
    }
  },
} satisfies PermissionEdge;
