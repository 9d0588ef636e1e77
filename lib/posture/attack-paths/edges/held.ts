// Reading a holder's atoms for the permission edges.
import type { Atom, AtomKind } from '../capabilities';
import type { Context } from '../context';
import { isBootstrapGrant, type Grant } from '../../rbac/model';
import { bindingSubjectFix } from '../fixes';
import type { Holder } from './types';

/** The holder's atoms of a kind from grants naming it directly. */
export function own(h: Holder, kind: AtomKind): Atom[] {
  return (h.caps.get(kind) ?? []).filter((a) => h.direct.has(a.grant));
}

/** Any atom of a kind, its groups' included (for combinations). */
export function any(h: Holder, kind: AtomKind): Atom[] {
  return h.caps.get(kind) ?? [];
}

/** Bindings Kubernetes keeps recreating (rbac-defaults) are not offered as changes. */
const fixesOf = (grants: Grant[]) => grants.filter((g) => !isBootstrapGrant(g)).map(bindingSubjectFix);

export const grantText = (a: Atom) => `${a.grant.binding.kind} ${a.grant.binding.namespace ? `${a.grant.binding.namespace}/` : ''}${a.grant.binding.name}`;
export const where = (scope: string) => (scope === '*' ? 'in every namespace' : `in namespace ${scope}`);

/** One edge per atom, cut by taking the holder out of the atom's binding. */
export function edgeFor(ctx: Context, h: Holder, to: number, rule: string, a: Atom, via: string, possible = false): void {
  ctx.graph.edge(h.vertex, to, rule, `${via} (${grantText(a)})`, { possible, fixes: fixesOf([a.grant]) });
}

/** A combination: cut by taking the holder (or its group) out of any of the bindings involved. */
export function comboEdge(ctx: Context, h: Holder, to: number, rule: string, atoms: Atom[], via: string, possible = false): void {
  if (!atoms.some((a) => h.direct.has(a.grant))) return; // the group that holds them all carries the edge
  const grants = [...new Set(atoms.map((a) => a.grant))];
  ctx.graph.edge(h.vertex, to, rule, `${via} (${[...new Set(atoms.map(grantText))].join(', ')})`, { possible, fixes: fixesOf(grants) });
}

/** Scopes where atoms of both kinds apply: a namespace, or '*' when both are cluster-wide. */
export function jointScopes(a: Atom[], b: Atom[]): { scope: string; pair: [Atom, Atom] }[] {
  const out = new Map<string, [Atom, Atom]>();
  for (const x of a)
    for (const y of b) {
      const scope = x.scope === '*' ? y.scope : y.scope === '*' ? x.scope : x.scope === y.scope ? x.scope : null;
      if (scope !== null && !out.has(scope)) out.set(scope, [x, y]);
    }
  return [...out].map(([scope, pair]) => ({ scope, pair }));
}
