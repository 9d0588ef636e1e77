// The JSON the /api/rbac/subjects routes answer, and the checks on their inputs. Pure: the routes
// only fetch the inventory and turn { error } into a 400.
import type { Inventory } from '../../cluster/inventory';
import { isConnectRequest } from './connect';
import { rbacModel, type Grant, type GrantMatch, type RbacModel, type WhoCanMatch } from './model';
import { describeRule, splitResource } from './rules';
import { isSuperuserGroup, resolveSubject, subjectKey, SUBJECT_KINDS, type SubjectKind, type SubjectRef } from './subjects';

const RBAC_KINDS = ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'] as const;
const MAX = 253; // the longest Kubernetes object name
// Verbs, resources and groups as RBAC writes them: lowercase words, dots, slashes, '*'.
const TOKEN = /^[A-Za-z0-9*][A-Za-z0-9.*/_-]*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
// A non-resource URL: a path of printable characters, '*' allowed (as a rule would write it).
const URL_PATH = /^\/[\x21-\x7e]*$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface WhoCanParams {
  verb: string;
  /** A resource question (`secrets`, `pods/exec`)... */
  resource?: string;
  /** ...or a non-resource URL (`/healthz`). */
  url?: string;
  namespace?: string;
  group: string;
  /** 'cluster': a request without a namespace, which only ClusterRoleBindings grant. */
  scope?: 'cluster';
}

function param(params: URLSearchParams, key: string): Parsed<string | undefined> {
  const v = params.get(key);
  if (v === null || v === '') return { ok: true, value: undefined };
  if (v.length > MAX) return { ok: false, error: `${key} is longer than ${MAX} characters` };
  return { ok: true, value: v };
}

/**
 * `?verb=&resource=[&namespace=|&scope=cluster][&group=]` or `?verb=&url=/healthz`: null when no
 * question is asked (list the subjects). Without namespace or scope: grants anywhere, each with its scope.
 */
export function parseWhoCan(params: URLSearchParams): Parsed<WhoCanParams | null> {
  const got: Record<string, string | undefined> = {};
  for (const key of ['verb', 'resource', 'url', 'namespace', 'group', 'scope']) {
    const p = param(params, key);
    if (!p.ok) return p;
    got[key] = p.value;
  }
  const { verb, resource, url, namespace, group, scope } = got;
  if (Object.values(got).every((v) => v === undefined)) return { ok: true, value: null };
  if (url !== undefined) {
    if (!verb || resource || namespace || group || scope)
      return { ok: false, error: 'a non-resource URL question takes only verb and url (e.g. ?verb=get&url=/metrics)' };
    if (!TOKEN.test(verb)) return { ok: false, error: `verb "${verb.slice(0, 60)}" is not an RBAC verb` };
    if (!URL_PATH.test(url)) return { ok: false, error: 'url must be a path starting with /' };
    return { ok: true, value: { verb, url, group: '' } };
  }
  if (!verb || !resource) return { ok: false, error: 'who-can questions need both verb and resource (e.g. ?verb=get&resource=secrets)' };
  for (const [k, v] of [
    ['verb', verb],
    ['resource', resource],
    ['group', group],
  ] as const) {
    if (v !== undefined && !TOKEN.test(v)) return { ok: false, error: `${k} "${v.slice(0, 60)}" is not an RBAC ${k}` };
  }
  if (namespace !== undefined && !NAMESPACE.test(namespace)) return { ok: false, error: `namespace "${namespace.slice(0, 60)}" is not a namespace name` };
  if (scope !== undefined && scope !== 'cluster') return { ok: false, error: 'scope can only be cluster' };
  if (scope && namespace) return { ok: false, error: 'ask either in a namespace or cluster-scoped (scope=cluster), not both' };
  return { ok: true, value: { verb, resource, namespace, group: group ?? '', ...(scope ? { scope } : {}) } };
}

/** `/api/rbac/subjects/:kind/:name?namespace=` */
/** A ServiceAccount may be asked about by its user name (system:serviceaccount:ns:name): it is answered as that ServiceAccount. */
export function parseSubject(kind: string, name: string, namespace: string | null): Parsed<SubjectRef> {
  if (!SUBJECT_KINDS.includes(kind as SubjectKind)) return { ok: false, error: `kind must be one of ${SUBJECT_KINDS.join(', ')}` };
  if (name === '' || name.length > MAX) return { ok: false, error: `name must be 1 to ${MAX} characters` };
  if (kind !== 'ServiceAccount')
    return namespace ? { ok: false, error: `only a ServiceAccount takes a namespace` } : { ok: true, value: { kind: kind as SubjectKind, name } };
  if (!namespace || !NAMESPACE.test(namespace)) return { ok: false, error: 'a ServiceAccount needs ?namespace= with a namespace name' };
  return { ok: true, value: { kind: 'ServiceAccount', namespace, name } };
}

/** RBAC kinds the scan could not read: the answers below are then incomplete, and say so. */
function incomplete(inv: Inventory): string[] {
  const out = RBAC_KINDS.filter((k) => inv.missing[k]).map((k) => `${k}: ${inv.missing[k]!.reason}`);
  // Without CRDs, a cluster-scoped custom resource is taken as namespaced: RoleBindings may then seem to grant it.
  const crds = inv.missing.customresourcedefinitions;
  if (crds) out.push(`customresourcedefinitions: ${crds.reason} (custom resources are taken as namespaced)`);
  return out;
}

const subjectJson = (s: SubjectRef) => (s.kind === 'ServiceAccount' ? { kind: s.kind, namespace: s.namespace, name: s.name } : { kind: s.kind, name: s.name });

function grantJson(g: Grant) {
  return {
    binding: g.binding,
    role: g.role,
    scope: g.scope ?? 'cluster',
    roleMissing: g.roleMissing,
  };
}

export function subjectsJson(inv: Inventory, model: RbacModel = rbacModel(inv)) {
  const subjects = model
    .subjects()
    .map((s) => ({ ...subjectJson(s.subject), bindings: s.bindings, clusterWide: s.clusterWide, namespaces: s.namespaces }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || (a.namespace ?? '').localeCompare(b.namespace ?? ''));
  return { cluster: inv.cluster.name, readAt: inv.readAt, incomplete: incomplete(inv), count: subjects.length, subjects };
}

function matchJson(subject: SubjectRef, { grant, rule, viaGet }: GrantMatch) {
  return {
    ...grantJson(grant),
    rule: describeRule(rule.rule),
    ruleFrom: rule.from,
    // A group all of the subject's members are in, when the binding names that group rather than the subject.
    ...(subjectKey(grant.subject) !== subjectKey(subject) ? { through: subjectJson(grant.subject) } : {}),
    ...(viaGet ? { viaGet: true } : {}),
  };
}

function holderJson(m: WhoCanMatch) {
  return {
    ...subjectJson(m.subject),
    ...(m.superuser ? { superuser: true, reason: 'system:masters is allowed everything by the authorizer itself, without any binding' } : {}),
    via: m.grants.map((g) => matchJson(m.subject, g)),
  };
}

const bySubjectName = (a: ReturnType<typeof holderJson>, b: ReturnType<typeof holderJson>) =>
  Number(!!b.superuser) - Number(!!a.superuser) ||
  a.kind.localeCompare(b.kind) ||
  a.name.localeCompare(b.name) ||
  ('namespace' in a && 'namespace' in b ? String(a.namespace).localeCompare(String(b.namespace)) : 0);

export function whoCanJson(inv: Inventory, q: WhoCanParams, model: RbacModel = rbacModel(inv)) {
  const notes: string[] = [];
  let matches: WhoCanMatch[];
  if (q.url !== undefined) {
    matches = model.whoCanURL(q.verb, q.url);
    notes.push('Non-resource URLs are granted only by ClusterRoles bound with ClusterRoleBindings.');
  } else {
    const resource = q.resource ?? '';
    const split = splitResource(resource);
    const clusterScoped = q.scope === 'cluster' || model.isClusterScoped(q.group, split.resource);
    if (clusterScoped && q.scope !== 'cluster')
      notes.push(
        `${split.resource} is cluster-scoped: RoleBindings do not grant it${split.resource === 'namespaces' && q.group === '' ? ' (except on the namespace the RoleBinding is in)' : ''}.`,
      );
    if (isConnectRequest(q.group, split.resource, split.subresource) && model.connect.verbs.includes('get'))
      notes.push(model.connect.note ?? `Before Kubernetes 1.35, get on ${resource} opens a WebSocket session too: it is counted.`);
    matches = model.whoCan(q.verb, resource, { namespace: q.namespace, group: q.group, clusterScoped: q.scope === 'cluster' });
  }
  const subjects = matches.map(holderJson).sort(bySubjectName);
  return { cluster: inv.cluster.name, readAt: inv.readAt, incomplete: incomplete(inv), question: q, notes, count: subjects.length, subjects };
}

export function subjectDetailJson(inv: Inventory, asked: SubjectRef, model: RbacModel = rbacModel(inv)) {
  const subject = resolveSubject(asked);
  const grants = model.permissionsOf(subject).map((g) => ({
    ...grantJson(g),
    // The subject the binding names: the subject itself, or a group Kubernetes puts it in.
    via: subjectJson(g.subject),
    rules: g.rules.map((r) => ({ ...r.rule, from: r.from, text: describeRule(r.rule) })),
  }));
  return {
    cluster: inv.cluster.name,
    readAt: inv.readAt,
    incomplete: incomplete(inv),
    subject: subjectJson(subject),
    ...(subjectKey(subject) !== subjectKey(asked) ? { askedAs: subjectJson(asked) } : {}),
    ...(isSuperuserGroup(subject) ? { superuser: true } : {}),
    count: grants.length,
    grants,
  };
}
