// RBAC PolicyRules as the API server reads them, and the authorizer's matching semantics
// (k8s.io/kubernetes pkg/apis/rbac/v1 evaluation_helpers.go): '*' in verbs, apiGroups and
// resources matches anything; '*/<sub>' matches that (non-empty) subresource of any resource; a rule
// with resourceNames grants only on the objects it names; a nonResourceURL ending in '*' matches
// every path it prefixes.
import type { K8sObject } from '../../cluster/types';

export interface PolicyRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function rulesOf(role: K8sObject): PolicyRule[] {
  const rules = role.rules;
  if (!Array.isArray(rules)) return [];
  return rules
    .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
    .map((r) => ({
      verbs: strings(r.verbs),
      apiGroups: strings(r.apiGroups),
      resources: strings(r.resources),
      resourceNames: strings(r.resourceNames),
      nonResourceURLs: strings(r.nonResourceURLs),
    }));
}

/** A stable key for a rule, so identical rules from several roles can be recognised. */
export function ruleKey(r: PolicyRule): string {
  const s = (l: string[]) => [...l].sort().join(',');
  return [s(r.verbs), s(r.apiGroups), s(r.resources), s(r.resourceNames), s(r.nonResourceURLs)].join('|');
}

export interface ResourceRequest {
  verb: string;
  /** API group; '' is the core group. */
  group: string;
  resource: string;
  subresource?: string;
  /** The object's name; without it, rules limited by resourceNames do not match. */
  name?: string;
}

/** 'pods/exec' -> {resource: 'pods', subresource: 'exec'}. */
export function splitResource(combined: string): { resource: string; subresource?: string } {
  const i = combined.indexOf('/');
  return i < 0 ? { resource: combined } : { resource: combined.slice(0, i), subresource: combined.slice(i + 1) };
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.includes('*') || rule.verbs.includes(verb);
}

export function groupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.includes('*') || rule.apiGroups.includes(group);
}

export function resourceMatches(rule: PolicyRule, resource: string, subresource?: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  // '*/x' names a subresource: a request without one (or with an empty one) is not matched by it.
  return rule.resources.some((r) => r === '*' || r === combined || (!!subresource && r === `*/${subresource}`));
}

export function nameMatches(rule: PolicyRule, name?: string): boolean {
  return rule.resourceNames.length === 0 || (name !== undefined && rule.resourceNames.includes(name));
}

export function ruleAllows(rule: PolicyRule, req: ResourceRequest): boolean {
  return (
    rule.resources.length > 0 &&
    verbMatches(rule, req.verb) &&
    groupMatches(rule, req.group) &&
    resourceMatches(rule, req.resource, req.subresource) &&
    nameMatches(rule, req.name)
  );
}

/** A request for a path outside the resource API (/healthz, /metrics, /apis). */
export interface NonResourceRequest {
  verb: string;
  path: string;
}

export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  return rule.nonResourceURLs.some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))));
}

/** Only ClusterRoles bound by ClusterRoleBindings reach these: the request has no namespace. */
export function ruleAllowsNonResource(rule: PolicyRule, req: NonResourceRequest): boolean {
  return verbMatches(rule, req.verb) && nonResourceURLMatches(rule, req.path);
}

/** '*' verbs on '*' resources in '*' groups: cluster-admin under any name. */
export function isSuperuserRule(r: PolicyRule): boolean {
  return r.verbs.includes('*') && r.resources.includes('*') && r.apiGroups.includes('*') && r.resourceNames.length === 0;
}

export function describeRule(r: PolicyRule): string {
  const list = (l: string[], all: string) => (l.includes('*') ? all : l.join(','));
  if (r.nonResourceURLs.length) return `${list(r.verbs, 'every verb')} on ${r.nonResourceURLs.join(',')}`;
  const groups = r.apiGroups.includes('*') ? 'every API group' : `API group ${r.apiGroups.map((g) => (g === '' ? 'core' : g)).join(',')}`;
  const names = r.resourceNames.length ? ` named ${r.resourceNames.join(',')}` : '';
  return `${list(r.verbs, 'every verb')} on ${list(r.resources, 'every resource')}${names} in ${groups}`;
}
