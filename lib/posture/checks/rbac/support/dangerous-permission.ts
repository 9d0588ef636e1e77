// One factory for the "who holds a dangerous permission" checks, on top of the effective-permission
// model (lib/posture/rbac). A finding names the BINDING that must change, the subjects it reaches,
// the role (and the aggregated feeder role the rule came from), the permission and where it applies.
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';
import { workloadsIn, type Cutoff } from '../../../incremental-cutoffs';
import { SERVICE_ACCOUNT_USE } from '../../../incremental-bindings';
import { oncePerInventory } from '../../helpers';
import { layered } from '../../../layered-map';
import { subjectsOf } from './bindings';
import { defineCheck, type Check, type RawFinding, type Reference } from '../../../check';
import { isBootstrapGrant, rbacModel, type Grant, type RbacModel } from '../../../rbac/model';
import { isSuperuserRule, ruleAllows, splitResource, type PolicyRule, type ResourceRequest } from '../../../rbac/rules';
import { marked, msg, named, ns, obj, prose, subject, type Message } from '../../../message';
import { describeSubjectRef, isEveryone, normaliseSubject, type SubjectRef } from '../../../rbac/subjects';
import { SEVERITIES, type ResourceRef, type Severity } from '../../../types';
import { bindingRemedy } from '../../../remediation/rbac-fix';

export interface Danger {
  verbs: string[];
  groups: string[];
  /** Resources as RBAC writes them: 'secrets', 'pods/exec'. */
  resources: string[];
  /** What the resources are, for the message: "Secrets". */
  what: string;
  /** Count only cluster-wide grants (e.g. deleting pods anywhere), though a RoleBinding could grant it in its namespace. */
  clusterWideOnly?: boolean;
}

export interface DangerMatch {
  phrase: string;
  rules: { rule: PolicyRule; from: string }[];
}

/** Per danger, the requests it stands for that a binding of each kind reaches, by verb. */
type Compiled = { d: Danger; byVerb: [string, ResourceRequest[]][] }[];
// Keyed by the model's grants: one model (rbac/model.ts) is handed to each inventory that shares its lists.
const compiledCache = new WeakMap<object, WeakMap<Danger[], [Compiled, Compiled]>>();

function compile(dangers: Danger[], model: RbacModel): [Compiled, Compiled] {
  let perModel = compiledCache.get(model.grants);
  if (!perModel) compiledCache.set(model.grants, (perModel = new WeakMap()));
  let hit = perModel.get(dangers);
  if (!hit) {
    // Whether a RoleBinding reaches a request depends on its kind, not on which namespace it is in.
    const forScope = (scope: string | null): Compiled =>
      dangers
        .filter((d) => !(d.clusterWideOnly && scope !== null))
        .map((d) => ({
          d,
          byVerb: d.verbs.map((verb): [string, ResourceRequest[]] => [
            verb,
            d.groups.flatMap((group) => d.resources.map((res) => ({ verb, group, ...splitResource(res) }))).filter((req) => model.reaches({ scope }, req)),
          ]),
        }));
    perModel.set(dangers, (hit = [forScope(null), forScope('any-namespace')]));
  }
  return hit;
}

/**
 * The dangers a grant's rules allow where its binding reaches: a RoleBinding never reaches cluster-scoped
 * resources (nodes/proxy, webhooks), the model knows which. Rules limited by resourceNames are skipped:
 * they reach only the objects they name.
 */
export function matchDangers(dangers: Danger[], rules: Grant['rules'], scope: string | null, model: RbacModel): DangerMatch[] {
  const out: DangerMatch[] = [];
  for (const { d, byVerb } of compile(dangers, model)[scope === null ? 0 : 1]) {
    const verbs = new Set<string>();
    const hit: DangerMatch['rules'] = [];
    for (const r of rules) {
      let allowed = false;
      for (const [verb, reqs] of byVerb)
        if (reqs.some((req) => ruleAllows(r.rule, req))) {
          verbs.add(verb);
          allowed = true;
        }
      if (allowed) hit.push(r);
    }
    if (hit.length) out.push({ phrase: `${d.verbs.filter((v) => verbs.has(v)).join('/')} ${d.what}`, rules: hit });
  }
  return out;
}

// Subjects Kubernetes itself needs powerful rights for; their bindings are expected.
const SYSTEM_GROUPS = new Set(['system:masters', 'system:nodes']);
const SYSTEM_USERS = new Set(['system:kube-controller-manager', 'system:kube-scheduler', 'system:kube-proxy']);
export function isKubernetesItself(s: SubjectRef, g: Grant): boolean {
  if (s.kind === 'Group') return SYSTEM_GROUPS.has(s.name) || s.name.startsWith('system:bootstrappers:');
  if (s.kind === 'User') return SYSTEM_USERS.has(s.name) || s.name.startsWith('system:node:');
  // kube-controller-manager's per-controller ServiceAccounts (--use-service-account-credentials).
  return s.namespace === 'kube-system' && g.binding.name.startsWith('system:controller:');
}

/**
 * Built-in admin/edit bound by a RoleBinding to people is how Kubernetes intends a namespace to be
 * delegated; the powers that come with them (exec, create pods, tokens) are the point. Only the
 * Secrets check still reports it, at low severity. Service accounts get no such pass.
 */
export function isNamespaceDelegation(g: Grant, s: SubjectRef): boolean {
  return g.scope !== null && g.role.kind === 'ClusterRole' && (g.role.name === 'admin' || g.role.name === 'edit') && s.kind !== 'ServiceAccount';
}

const shift = (s: Severity, by: number): Severity => SEVERITIES[Math.min(SEVERITIES.length - 2, Math.max(0, SEVERITIES.indexOf(s) - by))]!;

/** How many workloads run as each ServiceAccount ('default' when the pod spec names none). */
export function serviceAccountUse(inv: Inventory): ReadonlyMap<string, number> {
  // Memoised: every RBAC check asks, and the incremental path can tell when it did not change.
  return oncePerInventory(inv, SERVICE_ACCOUNT_USE, () => [inv.workloads], () => usesOf(inv.workloads), SERVICE_ACCOUNT_USE_CUTOFF);
}

// Per workloads list rather than per inventory: the binding views of a change (incremental-bindings.ts)
// share the cluster's list, and a change's counts are carried from the last list's (the cutoff's carry).
const usesByList = new WeakMap<readonly Workload[], ReadonlyMap<string, number>>();

function usesOf(workloads: readonly Workload[]): ReadonlyMap<string, number> {
  let m = usesByList.get(workloads);
  if (!m) usesByList.set(workloads, (m = countUses(workloads)));
  return m;
}

function countUses(ws: readonly Workload[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of ws) {
    const key = serviceAccountKey(w);
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return m;
}

// RBAC findings name only ServiceAccounts some binding names, so a pod of any other one (most
// new pods) cannot change them. A change to the bindings themselves re-runs those checks
// through their own reads.
const SERVICE_ACCOUNT_USE_CUTOFF: Cutoff = {
  judges: ['workloads'],
  unchanged: (prev, next, touched) => {
    // The per-list sets themselves, not a union copied on each change (20,000 bindings).
    const named = [...boundServiceAccounts(prev), ...boundServiceAccounts(next)];
    const project = (ws: Workload[]) =>
      ws
        .map(serviceAccountKey)
        .filter((k) => named.some((set) => set.has(k)))
        .sort()
        .join('\n');
    return project(workloadsIn(prev, touched.namespaces)) === project(workloadsIn(next, touched.namespaces));
  },
  // The ServiceAccounts whose count differs: scope 'binding' checks re-run the bindings naming them.
  changedKeys: (prev, next, touched) => {
    const before = countUses(workloadsIn(prev, touched.namespaces));
    const after = countUses(workloadsIn(next, touched.namespaces));
    return new Set([...before.keys(), ...after.keys()].filter((k) => before.get(k) !== after.get(k)));
  },
  // The counts of the cluster after the change: the last ones, with the changed namespaces' counted again.
  carry: (prev, next, touched) => {
    const last = usesByList.get(prev.workloads);
    if (!last || usesByList.has(next.workloads)) return;
    // Layered over the last counts (layered-map.ts): copying 20,000 ServiceAccounts' counts was a tenth of a bare pod's update.
    const changes = new Map<string, number | undefined>();
    const count = (k: string) => (changes.has(k) ? (changes.get(k) ?? 0) : (last.get(k) ?? 0));
    for (const [k, n] of countUses(workloadsIn(prev, touched.namespaces))) changes.set(k, count(k) - n || undefined);
    for (const [k, n] of countUses(workloadsIn(next, touched.namespaces))) changes.set(k, count(k) + n);
    const m = layered(last, changes);
    usesByList.set(next.workloads, m);
  },
};

const bound = new WeakMap<readonly K8sObject[], Set<string>>();

/** "namespace/name" of every ServiceAccount a binding names, one set per bindings list (which rarely changes). */
function boundServiceAccounts(inv: Inventory): Set<string>[] {
  const out: Set<string>[] = [];
  for (const list of [inv.objects.clusterrolebindings, inv.objects.rolebindings]) {
    let keys = bound.get(list);
    if (!keys) {
      keys = new Set();
      // As the RBAC model reads subjects: a User system:serviceaccount:<ns>:<name> is that ServiceAccount.
      for (const b of list)
        for (const raw of subjectsOf(b)) {
          const s = normaliseSubject(raw, b.metadata.namespace);
          if (s?.kind === 'ServiceAccount') keys.add(`${s.namespace}/${s.name}`);
        }
      bound.set(list, keys);
    }
    out.push(keys);
  }
  return out;
}

export function serviceAccountKey(w: Workload): string {
  return `${w.namespace}/${w.spec.serviceAccountName || 'default'}`;
}

/*
 * Weighting (one rule for every RBAC check):
 * - a grant limited to one namespace is one step below the same grant cluster-wide;
 * - a ServiceAccount no workload runs as is one step lower (someone must first mint or steal its token),
 *   and a used one keeps the severity while the message says "used by N workloads";
 * - the "everyone" groups (system:authenticated, system:unauthenticated, system:anonymous) are one step higher.
 * Severity never drops to info: a dangerous grant stays a finding.
 */
/** What subjectSeverity can make of grants whose base lies from `lowestBase` to `highestBase`: two steps down to one up. */
export function weightedRange(lowestBase: Severity, highestBase = lowestBase): [Severity, Severity] {
  return [shift(lowestBase, -2), shift(highestBase, 1)];
}

export function subjectSeverity(base: Severity, g: Grant, s: SubjectRef, uses: ReadonlyMap<string, number>): Severity {
  let steps = g.scope === null ? 0 : -1;
  if (s.kind === 'ServiceAccount' && !uses.get(`${s.namespace}/${s.name}`)) steps -= 1;
  if (isEveryone(s)) steps += 1;
  return shift(base, steps);
}

/** A subject as a message names it (its names marked, lib/posture/message.ts). */
export function subjectPhrase(s: { kind: string; name: string; namespace?: string | null }): Message {
  return s.kind === 'ServiceAccount' ? msg`ServiceAccount ${ns(s.namespace ?? '?')}/${subject(s.name)}` : msg`${prose(s.kind)} ${subject(s.name)}`;
}

export function subjectLabel(s: SubjectRef, uses: ReadonlyMap<string, number>): Message {
  if (s.kind !== 'ServiceAccount') return subjectPhrase(s);
  const n = uses.get(`${s.namespace}/${s.name}`) ?? 0;
  return msg`${subjectPhrase(s)} (${prose(n ? `used by ${n} workload${n === 1 ? '' : 's'}` : 'used by no workload')})`;
}

export function scopePhrase(scope: string | null): Message {
  return scope === null ? msg`across the whole cluster` : msg`in namespace ${ns(scope)}`;
}

export function rolePhrase(g: Grant, matches: DangerMatch[]): Message {
  const feeders = [...new Set(matches.flatMap((m) => m.rules.map((r) => r.from)))].filter((f) => f !== g.role.name);
  return msg`${named({ kind: g.role.kind, name: g.role.name })}${feeders.length ? msg` (aggregated from ${feeders.map((f) => obj(f, 'ClusterRole'))})` : msg``}`;
}

export function bindingRef(g: Grant): ResourceRef {
  return { kind: g.binding.kind, namespace: g.binding.namespace, name: g.binding.name, apiVersion: 'rbac.authorization.k8s.io/v1' };
}

const bindingKey = (g: Grant) => `${g.binding.kind}/${g.binding.namespace ?? ''}/${g.binding.name}`;

/** The non-bootstrap bindings: what every RBAC check examines. */
export function examinedBindings(inv: Inventory): ResourceRef[] {
  // Memoised from the RBAC model, which is memoised itself: every RBAC check examines the same bindings.
  const model = rbacModel(inv);
  let refs = examined.get(model.grants);
  if (!refs) {
    const seen = new Map<string, ResourceRef>();
    for (const g of model.grants) if (!isBootstrapGrant(g)) seen.set(bindingKey(g), Object.freeze(bindingRef(g)));
    examined.set(model.grants, (refs = [...seen.values()]));
  }
  return refs;
}

const examined = new WeakMap<object, ResourceRef[]>();

export interface DangerousPermissionSpec {
  id: string;
  title: string;
  severity: Severity;
  remediation: string;
  references?: Reference[];
  /** What is dangerous; a function when it depends on the cluster (its version, e.g.). */
  dangers: Danger[] | ((model: RbacModel) => Danger[]);
  /** Matches that the Danger shape cannot say (e.g. "delete on many resources"), beside `dangers`. */
  extraMatches?(rules: Grant['rules'], g: Grant, model: RbacModel): DangerMatch[];
  /** Appended to a finding's message (e.g. why get on pods/exec counts on a cluster of unknown version). */
  note?(model: RbacModel, matches: DangerMatch[]): string | null;
  /** Report subjects of a namespace delegation (admin/edit to people) at this severity instead of skipping them. */
  delegationSeverity?: Severity;
  /** A severity from what matched (e.g. CSR approval with or without signer approval). */
  baseSeverity?(matches: DangerMatch[], g: Grant): Severity;
  /** With baseSeverity: the range it and the weighting can reach; else weightedRange(severity). */
  severityRange?: readonly [Severity, Severity];
}

/** A check that flags bindings granting any of `dangers`; cluster-admin-like roles are left to the wildcard and cluster-admin checks. */
export function dangerousPermissionCheck(spec: DangerousPermissionSpec): Check {
  return defineCheck({
    id: spec.id,
    area: 'rbac',
    severity: spec.severity,
    severityRange: withDelegation(spec.severityRange ?? weightedRange(spec.severity), spec.delegationSeverity),
    title: spec.title,
    remediation: spec.remediation,
    references: spec.references,
    needs: ['clusterrolebindings', 'rolebindings', 'clusterroles', 'roles'],
    scope: 'binding',
    examines: examinedBindings,
    evaluate(inv) {
      const uses = serviceAccountUse(inv);
      const model = rbacModel(inv);
      const dangers = typeof spec.dangers === 'function' ? spec.dangers(model) : spec.dangers;
      const byBinding = new Map<string, { g: Grant; matches: DangerMatch[]; subjects: { s: SubjectRef; sev: Severity }[] }>();
      // Grants of one role share its rules array: match each role once per scope kind, not once per binding.
      const memo = new Map<Grant['rules'], [DangerMatch[] | null, DangerMatch[] | null]>();
      const matchesOf = (g: Grant): DangerMatch[] => {
        const slot = g.scope === null ? 0 : 1;
        const entry = memo.get(g.rules) ?? [null, null];
        memo.set(g.rules, entry);
        return (entry[slot] ??= g.rules.some((r) => isSuperuserRule(r.rule))
          ? []
          : [...matchDangers(dangers, g.rules, g.scope, model), ...(spec.extraMatches?.(g.rules, g, model) ?? [])]);
      };
      for (const g of model.grants) {
        if (isBootstrapGrant(g) || isKubernetesItself(g.subject, g)) continue;
        const matches = matchesOf(g);
        if (matches.length === 0) continue;
        let sev = subjectSeverity(spec.baseSeverity?.(matches, g) ?? spec.severity, g, g.subject, uses);
        if (isNamespaceDelegation(g, g.subject)) {
          if (!spec.delegationSeverity) continue;
          sev = spec.delegationSeverity;
        }
        const k = bindingKey(g);
        const entry = byBinding.get(k) ?? { g, matches, subjects: [] };
        entry.subjects.push({ s: g.subject, sev });
        byBinding.set(k, entry);
      }
      return [...byBinding.values()].map(({ g, matches, subjects }): RawFinding => {
        const severity = subjects.map((x) => x.sev).sort((a, b) => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b))[0]!;
        const who = subjects.map((x) => subjectLabel(x.s, uses));
        const what = matches.map((m) => m.phrase).join('; '); // the Danger's fixed words
        const note = spec.note?.(model, matches); // fixed words about the cluster version
        return {
          resource: bindingRef(g),
          severity,
          ...marked(msg`${named({ kind: g.binding.kind, name: g.binding.name })} lets ${who} ${prose(what)} ${scopePhrase(g.scope)}, through ${rolePhrase(g, matches)}.${note ? prose(` ${note}`) : msg``}`),
          ...bindingRemedy(bindingRef(g), g.bindingObject, { kind: g.role.kind, namespace: g.role.namespace ?? null, name: g.role.name }, subjects.map((x) => x.s), what),
        };
      });
    },
  });
}

/** A range widened down to the severity delegations are reported at. */
function withDelegation([lowest, highest]: readonly [Severity, Severity], delegation?: Severity): [Severity, Severity] {
  return [delegation && SEVERITIES.indexOf(delegation) > SEVERITIES.indexOf(lowest) ? delegation : lowest, highest];
}
