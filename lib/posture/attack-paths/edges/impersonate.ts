import { serviceAccountOfUsername } from '../../rbac/subjects';
import { vCap, vClusterAdmin, vIdentity } from '../context';
import { edgeFor, own, where } from './held';
import type { PermissionEdge } from './types';

export default {
  id: 'impersonate',
  title: 'impersonates',
  precondition:
    'impersonate on groups (all, or system:masters named) cluster-wide: system:masters, which the authorizer allows everything. On other named groups, on users (all: every user a binding names; or those named) and on serviceaccounts (all where the binding reaches, or those named): that identity, then whatever it holds',
  plant(ctx, h) {
    for (const a of own(h, 'impersonate-groups')) {
      if (a.names === 'all' || a.names.includes('system:masters')) edgeFor(ctx, h, vClusterAdmin(ctx), this.id, a, 'can impersonate Group system:masters');
      if (a.names !== 'all')
        for (const name of a.names) if (name !== 'system:masters') edgeFor(ctx, h, vIdentity(ctx, { kind: 'Group', name }), this.id, a, 'can impersonate it');
    }
    for (const a of own(h, 'impersonate-users')) {
      const names =
        a.names === 'all'
          ? [...ctx.grantsOf.values()]
              .map((gs) => gs[0]!.subject)
              .filter((s) => s.kind === 'User')
              .map((s) => s.name)
          : a.names;
      for (const name of names) {
        const sa = serviceAccountOfUsername(name);
        edgeFor(ctx, h, vIdentity(ctx, sa ? { kind: 'ServiceAccount', ...sa } : { kind: 'User', name }), this.id, a, 'can impersonate it');
      }
    }
    for (const a of own(h, 'impersonate-sa')) {
      if (a.names === 'all') edgeFor(ctx, h, vCap(ctx, 'any-sa', a.scope), this.id, a, `can impersonate ServiceAccounts ${where(a.scope)}`);
      else
        for (const [ns, sas] of ctx.serviceAccounts)
          if (a.scope === '*' || a.scope === ns)
            for (const sa of sas)
              if (a.names.includes(sa)) edgeFor(ctx, h, vIdentity(ctx, { kind: 'ServiceAccount', namespace: ns, name: sa }), this.id, a, 'can impersonate it');
    }
  },
} satisfies PermissionEdge;
