// Inventory → attack graph. Every distinct identity's capabilities are computed once from its grants
// (capabilities.ts); workloads are indexed by namespace and node once (context.ts). Pure.
import type { Inventory } from '../../cluster/inventory';
import type { Workload } from '../../cluster/types';
import { isBootstrapGrant } from '../rbac/model';
import { impliedGroups, isEveryone, subjectKey, type SubjectRef } from '../rbac/subjects';
import { capsOf, inScope } from './capabilities';
import { ESCAPES, PERMISSIONS, STRUCTURAL } from './catalogue';
import { buildContext, mountsToken, serviceAccountOf, vIdentity, vNode, vNodeTokens, vWorkload, type Context } from './context';
import type { Holder } from './edges/types';
import { addedCaps, allContainers } from './security-context';

/** Whether any escape rule could match: a privileged container, an added capability or a hostPath volume. Most workloads have none. */
function mayEscape(w: Workload): boolean {
  if ((Array.isArray(w.spec.volumes) ? w.spec.volumes : []).some((v) => v.hostPath)) return true;
  return allContainers(w.spec).some((c) => c.securityContext?.privileged === true || addedCaps(c).length > 0);
}

export function buildAttackGraph(inv: Inventory): Context {
  const ctx = buildContext(inv);
  const g = ctx.graph;
  for (const w of inv.workloads) vWorkload(ctx, w);
  for (const rule of STRUCTURAL) rule.plant(ctx);

  // Identities: every ServiceAccount, every subject a binding names, the groups they are in.
  const subjects = new Map<string, SubjectRef>();
  const add = (s: SubjectRef) => {
    const k = subjectKey(s);
    if (!subjects.has(k)) subjects.set(k, s);
  };
  for (const [ns, sas] of ctx.serviceAccounts) for (const name of sas) add({ kind: 'ServiceAccount', namespace: ns, name });
  for (const gs of ctx.grantsOf.values()) add(gs[0]!.subject);
  for (const n of ctx.nodes) add({ kind: 'User', name: `system:node:${n}` });
  const holders = new Map<string, Holder>();
  for (const [k, s] of subjects) {
    const direct = ctx.grantsOf.get(k) ?? [];
    const groups = impliedGroups(s).filter((x) => ctx.grantsOf.has(subjectKey(x)));
    const vertex = vIdentity(ctx, s);
    for (const grp of groups) g.edge(vertex, vIdentity(ctx, grp), 'identity-groups', 'a member of it');
    if (direct.length === 0) continue;
    const grants = ctx.model.permissionsOf(s);
    holders.set(k, { subject: s, vertex, caps: capsOf(ctx, grants), direct: new Set(direct), grants });
    // A foothold: a stolen credential of anyone a binding names (Kubernetes' own defaults aside).
    if (isEveryone(s)) g.vertices[vertex]!.foothold = 'everyone';
    else if (direct.some((x) => !isBootstrapGrant(x))) g.vertices[vertex]!.foothold = 'identity';
  }
  for (const grp of ['system:authenticated', 'system:unauthenticated']) g.vertices[vIdentity(ctx, { kind: 'Group', name: grp })]!.foothold = 'everyone';
  for (const h of holders.values()) for (const rule of PERMISSIONS) rule.plant(ctx, h);

  // Container escapes, to the nodes the workload's pods run on (or "its node" when no pod was read).
  ctx.canReadLogs = (w: Workload) => {
    if (!mountsToken(ctx, w)) return false;
    const s: SubjectRef = { kind: 'ServiceAccount', namespace: w.namespace, name: serviceAccountOf(w) };
    const caps = holders.get(subjectKey(s))?.caps ?? capsOf(ctx, ctx.model.permissionsOf(s));
    return (caps.get('pods-log') ?? []).some((a) => inScope(a, w.namespace) && a.names === 'all');
  };
  const unknownNode = g.vertex('node:?', () => ({ ref: null, text: 'the node it runs on', namespace: null, target: 'node' as const }));
  for (const w of inv.workloads) {
    if (!mayEscape(w)) continue;
    const from = vWorkload(ctx, w);
    const nodes = [...(ctx.nodesOf.get(w) ?? [])];
    for (const rule of ESCAPES) {
      for (const hit of rule.match(w, ctx)) {
        if (nodes.length === 0) {
          if (hit.to === 'node') g.edge(from, unknownNode, rule.id, hit.via, { possible: hit.possible, fixes: hit.fixes });
          continue;
        }
        for (const n of nodes)
          g.edge(from, hit.to === 'node' ? vNode(ctx, n) : vNodeTokens(ctx, n), rule.id, hit.via, { possible: hit.possible, fixes: hit.fixes });
      }
    }
  }
  return ctx;
}
