// The effective-permission model: for every subject, what its bindings grant, where, and through what.
// Built once per inventory (WeakMap) in time linear in bindings + rules, so 20,000 bindings stay fast.
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject } from '../../cluster/types';
import { labelsOf } from '../checks/helpers';
import { clusterRoleResolver, type SourcedRule } from './aggregation';
import { ruleAllows, rulesOf, splitResource, type ResourceRequest } from './rules';
import { impliedGroups, normaliseSubject, subjectKey, type SubjectRef } from './subjects';
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

export interface WhoCanMatch {
  subject: SubjectRef;
  grants: { grant: Grant; rule: SourcedRule }[];
}

export interface WhoCanQuery {
  /** Limit to grants that apply in this namespace (cluster-wide ones included); omitted = anywhere. */
  namespace?: string;
  group?: string;
  subresource?: string;
  name?: string;
}

export interface RbacModel {
  /** Every grant, binding by binding. */
  grants: Grant[];
  /** Subjects named by at least one binding. */
  subjects(): SubjectSummary[];
  /** Grants naming this subject directly or through the groups Kubernetes adds to it. */
  permissionsOf(subject: SubjectRef): Grant[];
  whoCan(verb: string, resource: string, query?: WhoCanQuery): WhoCanMatch[];
}

// Keyed by the four lists the model reads, not the inventory: an inventory that a watched pod
// change replaced (lib/cluster/apply-change.ts) keeps these lists, and the model with them.
const cache = new WeakMap<object, { lists: readonly unknown[]; model: RbacModel }>();

export function rbacModel(inv: Inventory): RbacModel {
  const { clusterroles, roles, clusterrolebindings, rolebindings } = inv.objects;
  const lists = [clusterroles, roles, clusterrolebindings, rolebindings];
  const hit = cache.get(rolebindings);
  if (hit && hit.lists.every((l, i) => l === lists[i])) {
    memoHit(hit.model); // incremental recomputation: this caller depends on what the build read
    return hit.model;
  }
  const model = memoBuild('rbac-model', () => buildRbacModel(inv));
  memoStored(model, 'rbac-model');
  cache.set(rolebindings, { lists, model });
  return model;
}

function objectRef(o: K8sObject): ObjectRef {
  return { kind: o.kind, name: o.metadata.name, namespace: o.metadata.namespace ?? null };
}

export function buildRbacModel(inv: Inventory): RbacModel {
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
    permissionsOf(subject) {
      return [subject, ...impliedGroups(subject)].flatMap((s) => bySubject.get(subjectKey(s)) ?? []);
    },
    whoCan(verb, resource, query = {}) {
      const split = query.subresource !== undefined ? { resource, subresource: query.subresource } : splitResource(resource);
      const req: ResourceRequest = { verb, group: query.group ?? '', ...split, name: query.name };
      const out = new Map<string, WhoCanMatch>();
      for (const grant of grants) {
        if (query.namespace !== undefined && grant.scope !== null && grant.scope !== query.namespace) continue;
        for (const rule of grant.rules) {
          if (!ruleAllows(rule.rule, req)) continue;
          const k = subjectKey(grant.subject);
          const m = out.get(k) ?? { subject: grant.subject, grants: [] };
          m.grants.push({ grant, rule });
          out.set(k, m);
        }
      }
      return [...out.values()];
    },
  };
}

/** Bindings Kubernetes creates itself at bootstrap: expected, not findings. */
export function isBootstrapGrant(g: Grant): boolean {
  return labelsOf(g.bindingObject)['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}
