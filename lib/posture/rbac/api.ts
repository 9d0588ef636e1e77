// The JSON the /api/rbac/subjects routes answer, and the checks on their inputs. Pure: the routes
// only fetch the inventory and turn { error } into a 400.
import type { Inventory } from '../../cluster/inventory';
import { rbacModel, type Grant, type RbacModel } from './model';
import { describeRule } from './rules';
import { SUBJECT_KINDS, type SubjectKind, type SubjectRef } from './subjects';

const RBAC_KINDS = ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'] as const;
const MAX = 253; // the longest Kubernetes object name
// Verbs, resources and groups as RBAC writes them: lowercase words, dots, slashes, '*'.
const TOKEN = /^[A-Za-z0-9*][A-Za-z0-9.*/_-]*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface WhoCanParams {
  verb: string;
  resource: string;
  namespace?: string;
  group: string;
}

function param(params: URLSearchParams, key: string): Parsed<string | undefined> {
  const v = params.get(key);
  if (v === null || v === '') return { ok: true, value: undefined };
  if (v.length > MAX) return { ok: false, error: `${key} is longer than ${MAX} characters` };
  return { ok: true, value: v };
}

/** `?verb=&resource=&namespace=&group=`: null when no question is asked (list the subjects). */
export function parseWhoCan(params: URLSearchParams): Parsed<WhoCanParams | null> {
  const got: Record<string, string | undefined> = {};
  for (const key of ['verb', 'resource', 'namespace', 'group']) {
    const p = param(params, key);
    if (!p.ok) return p;
    got[key] = p.value;
  }
  const { verb, resource, namespace, group } = got;
  if (!verb && !resource && !namespace && !group) return { ok: true, value: null };
  if (!verb || !resource) return { ok: false, error: 'who-can questions need both verb and resource (e.g. ?verb=get&resource=secrets)' };
  for (const [k, v] of [
    ['verb', verb],
    ['resource', resource],
    ['group', group],
  ] as const) {
    if (v !== undefined && !TOKEN.test(v)) return { ok: false, error: `${k} "${v.slice(0, 60)}" is not an RBAC ${k}` };
  }
  if (namespace !== undefined && !NAMESPACE.test(namespace)) return { ok: false, error: `namespace "${namespace.slice(0, 60)}" is not a namespace name` };
  return { ok: true, value: { verb, resource, namespace, group: group ?? '' } };
}

/** `/api/rbac/subjects/:kind/:name?namespace=` */
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
  return RBAC_KINDS.filter((k) => inv.missing[k]).map((k) => `${k}: ${inv.missing[k]!.reason}`);
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

export function whoCanJson(inv: Inventory, q: WhoCanParams, model: RbacModel = rbacModel(inv)) {
  const subjects = model
    .whoCan(q.verb, q.resource, { namespace: q.namespace, group: q.group })
    .map((m) => ({
      ...subjectJson(m.subject),
      via: m.grants.map(({ grant, rule }) => ({ ...grantJson(grant), rule: describeRule(rule.rule), ruleFrom: rule.from })),
    }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  return { cluster: inv.cluster.name, readAt: inv.readAt, incomplete: incomplete(inv), question: q, count: subjects.length, subjects };
}

export function subjectDetailJson(inv: Inventory, subject: SubjectRef, model: RbacModel = rbacModel(inv)) {
  const grants = model.permissionsOf(subject).map((g) => ({
    ...grantJson(g),
    // The subject the binding names: the subject itself, or a group Kubernetes puts it in.
    via: subjectJson(g.subject),
    rules: g.rules.map((r) => ({ ...r.rule, from: r.from, text: describeRule(r.rule) })),
  }));
  return { cluster: inv.cluster.name, readAt: inv.readAt, incomplete: incomplete(inv), subject: subjectJson(subject), count: grants.length, grants };
}
