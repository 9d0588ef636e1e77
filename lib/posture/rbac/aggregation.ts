// Aggregated ClusterRoles, as the ClusterRole aggregation controller (kube-controller-manager,
// pkg/controller/clusterroleaggregation) writes them: a ClusterRole with an aggregationRule gets as
// rules exactly the union of the rules of the ClusterRoles its selectors pick (itself excepted), in
// selector order, each selector's roles by name, duplicates dropped. Its own stored rules are replaced,
// not kept. We recompute this rather than trust the stored rules, which offline manifests may leave
// stale or empty, and remember the role each rule came from so a finding can name the feeder.
//
// The controller copies the selected roles' *current* rules, so aggregated roles feed each other
// transitively. In a cycle (a selects b, b selects a) what survives depends on the order the
// controller happens to sync them in: any rule stored on a member may keep circulating. We give
// every member of a cycle the union of what its members store plus what they select outside the
// cycle: the most any sync order can leave, and exactly what a converged cluster shows.
import type { K8sObject } from '../../cluster/types';
import { labelsOf } from '../checks/helpers';
import { ruleKey, rulesOf, type PolicyRule } from './rules';

export interface SourcedRule {
  rule: PolicyRule;
  /** The ClusterRole (or Role) whose own rules hold this rule; differs from the bound role when aggregated. */
  from: string;
}

interface Requirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}
interface Selector {
  matchLabels?: Record<string, unknown>;
  matchExpressions?: Requirement[];
}

/** A label selector the way LabelSelectorAsSelector reads it; null when it would refuse it. */
function compileSelector(sel: unknown): ((labels: Record<string, string>) => boolean) | null {
  if (typeof sel !== 'object' || sel === null) return null;
  const { matchLabels, matchExpressions } = sel as Selector;
  const tests: ((l: Record<string, string>) => boolean)[] = [];
  for (const [k, v] of Object.entries(matchLabels ?? {})) tests.push((l) => l[k] === v);
  for (const e of Array.isArray(matchExpressions) ? matchExpressions : []) {
    if (typeof e?.key !== 'string') return null;
    const key = e.key;
    const values = Array.isArray(e.values) ? e.values : [];
    const has = (l: Record<string, string>) => Object.hasOwn(l, key);
    if (e.operator === 'In' || e.operator === 'NotIn') {
      if (values.length === 0) return null; // In/NotIn need values
      tests.push(e.operator === 'In' ? (l) => has(l) && values.includes(l[key]) : (l) => !has(l) || !values.includes(l[key]));
    } else if (e.operator === 'Exists' || e.operator === 'DoesNotExist') {
      if (values.length > 0) return null; // and Exists/DoesNotExist none
      tests.push(e.operator === 'Exists' ? has : (l) => !has(l));
    } else return null;
  }
  return (labels) => tests.every((t) => t(labels));
}

/**
 * The ClusterRoles each aggregated role selects, in the controller's order; null for a role that is
 * not aggregated, or whose selectors the controller cannot parse (it then leaves the role as stored).
 */
function selections(clusterRoles: K8sObject[]): Map<string, string[] | null> {
  const byName = [...clusterRoles].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  const out = new Map<string, string[] | null>();
  for (const role of clusterRoles) {
    const agg = role.aggregationRule;
    if (typeof agg !== 'object' || agg === null) {
      out.set(role.metadata.name, null);
      continue;
    }
    const raw = (agg as { clusterRoleSelectors?: unknown }).clusterRoleSelectors;
    const compiled = (Array.isArray(raw) ? raw : []).map(compileSelector);
    if (compiled.some((c) => c === null)) {
      out.set(role.metadata.name, null);
      continue;
    }
    const picked: string[] = [];
    for (const match of compiled)
      for (const other of byName) if (other.metadata.name !== role.metadata.name && match!(labelsOf(other))) picked.push(other.metadata.name);
    out.set(role.metadata.name, picked);
  }
  return out;
}

function dedupe(rules: SourcedRule[]): SourcedRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const k = ruleKey(r.rule);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** Resolves every ClusterRole's effective rules; memoised per call. */
export function clusterRoleResolver(clusterRoles: K8sObject[]): (name: string) => SourcedRule[] | undefined {
  const byName = new Map(clusterRoles.map((r) => [r.metadata.name, r]));
  const selects = selections(clusterRoles);
  const stored = (name: string): SourcedRule[] => rulesOf(byName.get(name)!).map((rule) => ({ rule, from: name }));
  const done = new Map<string, SourcedRule[]>();

  // Tarjan's strongly connected components over "selects": a component of one role without a
  // self-loop (the controller never selects a role itself) is an ordinary role; larger ones are cycles.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const visit = (name: string): void => {
    idx.set(name, index);
    low.set(name, index++);
    stack.push(name);
    onStack.add(name);
    for (const next of selects.get(name) ?? []) {
      if (!idx.has(next)) {
        visit(next);
        low.set(name, Math.min(low.get(name)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(name, Math.min(low.get(name)!, idx.get(next)!));
    }
    if (low.get(name) !== idx.get(name)) return;
    const members: string[] = [];
    let m: string;
    do {
      m = stack.pop()!;
      onStack.delete(m);
      members.push(m);
    } while (m !== name);
    settle(members);
  };
  // Components finish after every component they select, so those are already settled.
  const settle = (members: string[]): void => {
    if (members.length === 1) {
      const name = members[0]!;
      const picked = selects.get(name);
      done.set(name, picked === null || picked === undefined ? stored(name) : dedupe(picked.flatMap((p) => done.get(p)!)));
      return;
    }
    const inCycle = new Set(members);
    const outside = members.flatMap((n) => (selects.get(n) ?? []).filter((p) => !inCycle.has(p)).flatMap((p) => done.get(p)!));
    const union = dedupe([...members.sort().flatMap(stored), ...outside]);
    for (const n of members) done.set(n, union);
  };

  return (name) => {
    if (!byName.has(name)) return undefined;
    if (!done.has(name)) visit(name);
    return done.get(name);
  };
}
