// Aggregated ClusterRoles: the API server fills their rules with those of every ClusterRole their
// aggregationRule selects. We recompute the union (the stored rules may be stale or absent offline),
// transitively, and remember which role each rule came from so a finding can name the feeder role.
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

export function selectorMatches(sel: Selector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of Array.isArray(sel.matchExpressions) ? sel.matchExpressions : []) {
    if (typeof e?.key !== 'string') return false;
    const values = Array.isArray(e.values) ? e.values : [];
    const has = Object.hasOwn(labels, e.key);
    const ok =
      e.operator === 'In'
        ? has && values.includes(labels[e.key])
        : e.operator === 'NotIn'
          ? !has || !values.includes(labels[e.key])
          : e.operator === 'Exists'
            ? has
            : e.operator === 'DoesNotExist'
              ? !has
              : false;
    if (!ok) return false;
  }
  return true;
}

function selectorsOf(role: K8sObject): Selector[] | null {
  const agg = role.aggregationRule as { clusterRoleSelectors?: unknown } | undefined;
  const sels = agg?.clusterRoleSelectors;
  // A selector that is not an object matches nothing (rather than everything).
  return Array.isArray(sels) ? sels.filter((s): s is Selector => typeof s === 'object' && s !== null) : null;
}

/** Resolves every ClusterRole's effective rules; memoised per call, cycle-safe. */
export function clusterRoleResolver(clusterRoles: K8sObject[]): (name: string) => SourcedRule[] | undefined {
  const byName = new Map(clusterRoles.map((r) => [r.metadata.name, r]));
  const done = new Map<string, SourcedRule[]>();
  const visiting = new Set<string>();

  const resolve = (name: string): SourcedRule[] | undefined => {
    const cached = done.get(name);
    if (cached) return cached;
    const role = byName.get(name);
    if (!role) return undefined;
    const own = rulesOf(role).map((rule) => ({ rule, from: name }));
    const selectors = selectorsOf(role);
    if (!selectors || visiting.has(name)) {
      // Not aggregated, or a cycle back to a role still being resolved: its own rules are all we can add.
      if (!selectors) done.set(name, own);
      return own;
    }
    visiting.add(name);
    const fed: SourcedRule[] = [];
    for (const other of clusterRoles) {
      if (other.metadata.name === name) continue; // an aggregated role never selects itself
      const labels = labelsOf(other);
      if (selectors.some((s) => selectorMatches(s, labels))) fed.push(...(resolve(other.metadata.name) ?? []));
    }
    visiting.delete(name);
    // The stored rules usually repeat what the feeders give: keep the feeder's name on those.
    const seen = new Set<string>();
    const out: SourcedRule[] = [];
    for (const r of [...fed, ...own]) {
      const k = ruleKey(r.rule);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(r);
      }
    }
    done.set(name, out);
    return out;
  };
  return resolve;
}
