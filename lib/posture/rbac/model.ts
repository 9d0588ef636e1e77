// The effective-permission model: for every subject, what its bindings grant, where, and through what,
// answered the way the API server's RBAC authorizer would (see README.md in this folder).
// Built once per inventory (WeakMap) in time linear in bindings + rules, so 20,000 bindings stay fast.
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject } from '../../cluster/types';
import { labelsOf } from '../checks/helpers';
import { clusterRoleResolver, type SourcedRule } from './aggregation';
import { connectPolicy, isConnectRequest, type ConnectPolicy } from './connect';
import { ruleAllows, ruleAllowsNonResource, rulesOf, splitResource, type ResourceRequest } from './rules';
import { clusterScopedResources, namespacedAsk } from './scope';
import { impliedGroups, isSuperuserGroup, MASTERS, normaliseSubject, resolveSubject, subjectKey, type SubjectRef } from './subjects';
import { memoBuild, memoHit, memoStored } from '../read-tracking';

export interface ObjectRef {
  kind: string;
  name: string;
  /** null for cluster-scoped objects. */
  namespace: string | null;
}

/** One binding's grant to one of its subjects. */
export interface Grant {
  /** The subject as the binding names it (for an implied group, the group). */
  subject: SubjectRef;
  binding: ObjectRef;
  role: ObjectRef;
  /** Where the rules apply: null = cluster-wide (ClusterRoleBinding), else the RoleBinding's namespace. */
  scope: string | null;
  /** The role's effective rules, aggregation resolved; empty when the role does not exist. */
  rules: SourcedRule[];
  roleMissing: boolean;
  /** The binding object itself, for checks that read its labels. */
  bindingObject: K8sObject;
}

export interface SubjectSummary {
  subject: SubjectRef;
  /** Bindings that name the subject directly. */
  bindings: number;
  /** Namespaces where those bindings grant something; clusterWide if any ClusterRoleBinding does. */
  namespaces: string[];
  clusterWide: boolean;
}

export interface GrantMatch {
  grant: Grant;
  rule: SourcedRule;
  /** Matched through `get` on pods/exec (attach, portforward): a WebSocket session on clusters before 1.35. */
  viaGet?: true;
}

export interface WhoCanMatch {
  subject: SubjectRef;
  /** Grants that allow it: the subject's own, or those of a group all its members are in (grant.subject says which). */
  grants: GrantMatch[];
  /** system:masters: allowed by the authorizer itself, whatever the bindings say. */
  superuser?: true;
}

export interface WhoCanQuery {
  /** The request's namespace: RoleBindings there count, besides ClusterRoleBindings. */
  namespace?: string;
  /** A request without a namespace (cluster-scoped): only ClusterRoleBindings count. Implied for cluster-scoped resources. */
  clusterScoped?: boolean;
  /** Neither: grants anywhere, each with its scope. */
  group?: string;
  subresource?: string;
  name?: string;
}

export interface RbacModel {
  /** Every grant, binding by binding. */
  grants: Grant[];
  /** Subjects named by at least one binding. */
  subjects(): SubjectSummary[];
  /** Grants naming this subject (a ServiceAccount's user name read as the ServiceAccount) or a group all its members are in. */
  permissionsOf(subject: SubjectRef): Grant[];
  /** Every subject allowed the request: those bindings name, ServiceAccounts in the inventory, the groups they imply, and system:masters. */
  whoCan(verb: string, resource: string, query?: WhoCanQuery): WhoCanMatch[];
  /** The same for a non-resource URL (/healthz, /metrics): only ClusterRoles bound by ClusterRoleBindings reach those. */
  whoCanURL(verb: string, path: string): WhoCanMatch[];
  /** The grants that let one subject make the request; `superuser` for system:masters. */
  allows(subject: SubjectRef, verb: string, resource: string, query?: WhoCanQuery): { grants: GrantMatch[]; superuser: boolean };
  /** Whether a request for this resource carries no namespace, so no RoleBinding can grant it (but see scope.ts namespacedAsk). */
  isClusterScoped(group: string, resource: string): boolean;
  /** Whether a grant's binding is consulted for the request: a ClusterRoleBinding always, a RoleBinding only for requests in its namespace. */
  reaches(grant: Pick<Grant, 'scope'>, req: ResourceRequest, query?: WhoCanQuery): boolean;
  /** Which verbs open an exec/attach/port-forward session on this cluster's version. */
  connect: ConnectPolicy;
}

// Keyed by the lists the model reads, not the inventory: an inventory that a watched pod change
// replaced (lib/cluster/apply-change.ts) keeps these lists, and the model with them.
const cache = new WeakMap<object, { lists: readonly unknown[]; core: ModelCore; perInventory: WeakMap<Inventory, RbacModel> }>();

/**
 * The model of the inventory's RBAC lists. The ServiceAccounts that exist matter only to whoCan
 * (which lists them): it reads them from `inv` when asked, so a new ServiceAccount neither
 * rebuilds the model nor re-runs the checks that never ask whoCan (lib/posture/incremental.ts).
 */
export function rbacModel(inv: Inventory): RbacModel {
  const { clusterroles, roles, clusterrolebindings, rolebindings, customresourcedefinitions } = inv.objects;
  const lists = [clusterroles, roles, clusterrolebindings, rolebindings, customresourcedefinitions, inv.cluster.version];
  let hit = cache.get(rolebindings);
  if (hit && hit.lists.every((l, i) => l === lists[i])) {
    memoHit(hit.core); // incremental recomputation: this caller depends on what the build read
  } else {
    const core = memoBuild('rbac-model', () => buildCore(inv));
    memoStored(core, 'rbac-model');
    cache.set(rolebindings, (hit = { lists, core, perInventory: new WeakMap() }));
  }
  let model = hit.perInventory.get(inv);
  if (!model) hit.perInventory.set(inv, (model = withAccounts(hit.core, () => inv.objects.serviceaccounts)));
  return model;
}

/** The model of one inventory, built afresh. */
export function buildRbacModel(inv: Inventory): RbacModel {
  return withAccounts(buildCore(inv), () => inv.objects.serviceaccounts);
}

type ModelCore = Omit<RbacModel, 'whoCan' | 'whoCanURL'> & {
  holders(direct: (gs: Grant[]) => GrantMatch[], accounts: readonly K8sObject[]): WhoCanMatch[];
  matcher(verb: string, resource: string, q: WhoCanQuery): (gs: Grant[]) => GrantMatch[];
};

function withAccounts(core: ModelCore, accounts: () => readonly K8sObject[]): RbacModel {
  const { holders, matcher, ...model } = core;
  return {
    ...model,
    whoCan: (verb, resource, query = {}) => holders(matcher(verb, resource, query), accounts()),
    whoCanURL: (verb, path) =>
      holders(
        (gs) =>
          gs
            .filter((g) => g.scope === null)
            .flatMap((grant) => grant.rules.filter((rule) => ruleAllowsNonResource(rule.rule, { verb, path })).map((rule) => ({ grant, rule }))),
        accounts(),
      ),
  };
}

function objectRef(o: K8sObject): ObjectRef {
  return { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace ?? null };
}

function buildCore(inv: Inventory): ModelCore {
  const clusterRole = clusterRoleResolver(inv.objects.clusterroles);
  const roles = new Map(inv.objects.roles.map((r) => [`${r.metadata.namespace}/${r.metadata.name}`, r]));
  const roleRules = new Map<string, SourcedRule[]>();
  const rulesOfRole = (ns: string, name: string): SourcedRule[] | undefined => {
    const key = `${ns}/${name}`;
    if (!roleRules.has(key)) {
      const r = roles.get(key);
      if (!r) return undefined;
      roleRules.set(
        key,
        rulesOf(r).map((rule) => ({ rule, from: name })),
      );
    }
    return roleRules.get(key);
  };

  const grants: Grant[] = [];
  const bySubject = new Map<string, Grant[]>();
  for (const b of [...inv.objects.clusterrolebindings, ...inv.objects.rolebindings]) {
    const ref = b.roleRef as { kind?: unknown; name?: unknown } | undefined;
    if (typeof ref?.name !== 'string' || (ref.kind !== 'ClusterRole' && ref.kind !== 'Role')) continue;
    const isRoleBinding = b.kind === 'RoleBinding';
    const ns = isRoleBinding ? (b.metadata.namespace ?? '') : null;
    // A ClusterRoleBinding can only reference a ClusterRole.
    if (!isRoleBinding && ref.kind === 'Role') continue;
    const rules = ref.kind === 'ClusterRole' ? clusterRole(ref.name) : rulesOfRole(ns ?? '', ref.name);
    const role: ObjectRef = { kind: ref.kind, name: ref.name, namespace: ref.kind === 'Role' ? ns : null };
    const subjects = Array.isArray(b.subjects) ? b.subjects : [];
    for (const raw of subjects) {
      const subject = typeof raw === 'object' && raw !== null ? normaliseSubject(raw, b.metadata.namespace) : null;
      if (!subject) continue;
      const g: Grant = { subject, binding: objectRef(b), role, scope: ns, rules: rules ?? [], roleMissing: !rules, bindingObject: b };
      grants.push(g);
      const k = subjectKey(subject);
      const list = bySubject.get(k);
      if (list) list.push(g);
      else bySubject.set(k, [g]);
    }
  }

  const isClusterScoped = clusterScopedResources(inv.objects.customresourcedefinitions);
  const connect = connectPolicy(inv.cluster.version);
  const masters: SubjectRef = { kind: 'Group', name: MASTERS };

  /** Whether the grant's binding is consulted for the request, in `q`'s namespace (or without one, or anywhere). */
  const reaches = (g: Pick<Grant, 'scope'>, req: ResourceRequest, q: WhoCanQuery = {}, clusterScoped = isClusterScoped(req.group, req.resource)): boolean => {
    if (g.scope === null) return true;
    if (q.clusterScoped || (q.namespace !== undefined && q.namespace !== g.scope)) return false;
    if (!clusterScoped) return true;
    const ask = namespacedAsk(req);
    return ask === 'binding-namespace' || (ask === 'own-namespace' && (req.name ?? g.scope) === g.scope);
  };

  /** A matcher for one request: which of some grants allow it, and through which rule. */
  const matcher = (verb: string, resource: string, q: WhoCanQuery) => {
    const split = q.subresource !== undefined ? { resource, subresource: q.subresource } : splitResource(resource);
    const req: ResourceRequest = { verb, group: q.group ?? '', ...split, name: q.name };
    const clusterScoped = isClusterScoped(req.group, req.resource);
    // Before 1.35 a WebSocket exec/attach/port-forward needed only get: that opens the same session as create.
    const alsoGet = verb === 'create' && connect.verbs.includes('get') && isConnectRequest(req.group, req.resource, req.subresource);
    return (gs: Grant[]): GrantMatch[] => {
      const out: GrantMatch[] = [];
      for (const grant of gs) {
        if (!reaches(grant, req, q, clusterScoped)) continue;
        for (const rule of grant.rules) {
          if (ruleAllows(rule.rule, req)) out.push({ grant, rule });
          else if (alsoGet && ruleAllows(rule.rule, { ...req, verb: 'get' })) out.push({ grant, rule, viaGet: true });
        }
      }
      return out;
    };
  };

  // Everyone who could be allowed: subjects bindings name, ServiceAccounts that exist, the groups all their members are in.
  const universes = new WeakMap<readonly K8sObject[], SubjectRef[]>();
  const everyone = (accounts: readonly K8sObject[]): SubjectRef[] => {
    let u = universes.get(accounts);
    if (!u) universes.set(accounts, (u = listEveryone(accounts)));
    return u;
  };
  const listEveryone = (accounts: readonly K8sObject[]): SubjectRef[] => {
    const all = new Map<string, SubjectRef>();
    const add = (s: SubjectRef) => {
      const k = subjectKey(s);
      if (all.has(k)) return;
      all.set(k, s);
      impliedGroups(s).forEach(add);
    };
    for (const gs of bySubject.values()) add(gs[0]!.subject);
    for (const sa of accounts)
      if (sa.metadata.namespace) add({ kind: 'ServiceAccount', namespace: sa.metadata.namespace, name: sa.metadata.name });
    all.delete(subjectKey(masters));
    return [...all.values()];
  };

  const holders = (direct: (gs: Grant[]) => GrantMatch[], accounts: readonly K8sObject[]): WhoCanMatch[] => {
    const byKey = new Map<string, GrantMatch[]>();
    for (const [k, gs] of bySubject) {
      const m = direct(gs);
      if (m.length) byKey.set(k, m);
    }
    const out: WhoCanMatch[] = [{ subject: masters, grants: byKey.get(subjectKey(masters)) ?? [], superuser: true }];
    if (byKey.size === 0) return out;
    for (const s of everyone(accounts)) {
      const grants = [s, ...impliedGroups(s)].flatMap((x) => byKey.get(subjectKey(x)) ?? []);
      if (grants.length) out.push({ subject: s, grants });
    }
    return out;
  };

  const permissionsOf = (subject: SubjectRef): Grant[] => {
    const s = resolveSubject(subject);
    return [s, ...impliedGroups(s)].flatMap((x) => bySubject.get(subjectKey(x)) ?? []);
  };

  return {
    grants,
    subjects() {
      return [...bySubject.values()].map((gs) => {
        const namespaces = [...new Set(gs.map((g) => g.scope).filter((s): s is string => s !== null))].sort();
        return {
          subject: gs[0]!.subject,
          bindings: new Set(gs.map((g) => `${g.binding.kind}/${g.binding.namespace}/${g.binding.name}`)).size,
          namespaces,
          clusterWide: gs.some((g) => g.scope === null),
        };
      });
    },
    permissionsOf,
    holders,
    matcher,
    allows(subject, verb, resource, query = {}) {
      const s = resolveSubject(subject);
      return { grants: matcher(verb, resource, query)(permissionsOf(s)), superuser: isSuperuserGroup(s) };
    },
    isClusterScoped,
    reaches: (grant, req, query) => reaches(grant, req, query),
    connect,
  };
}

/** Bindings Kubernetes creates itself at bootstrap: expected, not findings. */
export function isBootstrapGrant(g: Grant): boolean {
  return labelsOf(g.bindingObject)['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}
