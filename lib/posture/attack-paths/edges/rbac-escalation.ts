import { isSuperuserRule, rulesOf } from '../../rbac/rules';
import type { Atom } from '../capabilities';
import { vCap, vClusterAdmin, type Context } from '../context';
import { any, comboEdge, jointScopes } from './held';
import type { PermissionEdge } from './types';

const supers = new WeakMap<Context, Set<string>>();

/** ClusterRoles whose stored rules hold * on * (once per graph). */
function superRoles(ctx: Context): Set<string> {
  let s = supers.get(ctx);
  if (!s) supers.set(ctx, (s = new Set(ctx.inv.objects.clusterroles.filter((r) => rulesOf(r).some(isSuperuserRule)).map((r) => r.metadata.name))));
  return s;
}

export default {
  id: 'rbac-escalation',
  title: 'bind or escalate',
  precondition:
    'create/update/patch on clusterrolebindings with bind on clusterroles (all of them, or one holding * on *) cluster-wide: it binds itself cluster-admin. The same on rolebindings with bind on roles or clusterroles in a namespace: everything in that namespace. escalate with update/patch on clusterroles cluster-wide, for an identity a ClusterRoleBinding already grants something: it rewrites that role to * on * (with roles and a RoleBinding in a namespace: that namespace). Binding only named roles that hold less is not followed',
  plant(ctx, h) {
    const supers = superRoles(ctx);
    const strong = (a: Atom) => a.names === 'all' || a.names.some((n) => supers.has(n));
    const crb = any(h, 'crb-write').filter((a) => a.scope === '*');
    const bindCr = any(h, 'bind-clusterrole').filter(strong);
    const ca = vClusterAdmin(ctx);
    const wide = bindCr.find((a) => a.scope === '*');
    if (crb.length && wide) comboEdge(ctx, h, ca, this.id, [crb[0]!, wide], 'can bind itself cluster-admin');
    const binders = [...any(h, 'bind-role').filter((a) => a.names === 'all'), ...bindCr];
    for (const { scope, pair } of jointScopes(any(h, 'rb-write'), binders))
      for (const kind of ['run', 'exec', 'secrets'] as const)
        comboEdge(ctx, h, vCap(ctx, kind, scope), this.id, pair, `can bind itself admin in ${scope === '*' ? 'every namespace' : `namespace ${scope}`}`);
    const esc = any(h, 'escalate-clusterrole').filter((a) => a.scope === '*');
    const write = any(h, 'clusterrole-write').filter((a) => a.scope === '*');
    const bound = h.grants.filter((g) => g.scope === null && g.role.kind === 'ClusterRole');
    for (const g of bound) {
      const w = write.find((a) => a.names === 'all' || a.names.includes(g.role.name));
      if (esc.length && w) {
        comboEdge(ctx, h, ca, this.id, [esc[0]!, w], `can escalate ClusterRole ${g.role.name}, bound to it cluster-wide, to * on *`);
        break;
      }
    }
    for (const g of h.grants.filter((x) => x.scope !== null && x.role.kind === 'Role')) {
      const e = any(h, 'escalate-role').find((a) => a.scope === '*' || a.scope === g.scope);
      const w = any(h, 'role-write').find((a) => (a.scope === '*' || a.scope === g.scope) && (a.names === 'all' || a.names.includes(g.role.name)));
      if (e && w)
        for (const kind of ['run', 'exec', 'secrets'] as const)
          comboEdge(ctx, h, vCap(ctx, kind, g.scope!), this.id, [e, w], `can escalate Role ${g.scope}/${g.role.name}, bound to it, to * on *`);
    }
  },
} satisfies PermissionEdge;
