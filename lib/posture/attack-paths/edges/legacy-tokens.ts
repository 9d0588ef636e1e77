import { vCap, vIdentity } from '../context';
import { deleteSecretFix } from '../fixes';
import type { StructuralEdge } from './types';

export default {
  id: 'legacy-tokens',
  title: 'a legacy token Secret',
  precondition:
    "reading a namespace's Secrets reads its kubernetes.io/service-account-token Secrets (seen by their kubernetes.io/service-account.name annotation; invalidated ones are left out): each is that ServiceAccount's never-expiring token",
  plant(ctx) {
    for (const [ns, tokens] of ctx.legacyTokens) {
      const secrets = vCap(ctx, 'secrets', ns);
      for (const [secret, sa] of tokens)
        ctx.graph.edge(secrets, vIdentity(ctx, { kind: 'ServiceAccount', namespace: ns, name: sa }), this.id, `its token in Secret ${ns}/${secret}`, {
          fixes: [deleteSecretFix(ns, secret)],
        });
    }
  },
} satisfies StructuralEdge;
