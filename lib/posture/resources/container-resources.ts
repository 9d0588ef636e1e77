// What CPU/memory requests and limits a container ends up with once the API has defaulted it:
// its own values, requests copied from limits, then the namespace's LimitRange defaults. Pure.
import type { Container, K8sObject } from '../../cluster/types';

export const RESOURCES = ['cpu', 'memory'] as const;
export type ResourceName = (typeof RESOURCES)[number];
export type Kind = 'requests' | 'limits';

/** The LimitRange defaults for containers in one namespace. */
export interface ContainerDefaults {
  requests: Partial<Record<ResourceName, string>>;
  limits: Partial<Record<ResourceName, string>>;
  /** The LimitRange each default came from, to say so in messages. */
  source: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null && v !== '';

function pick(v: unknown): Partial<Record<ResourceName, string>> {
  const out: Partial<Record<ResourceName, string>> = {};
  if (!isObject(v)) return out;
  for (const r of RESOURCES) if (present(v[r])) out[r] = String(v[r]);
  return out;
}

/**
 * Container defaults per namespace from its LimitRanges' `type: Container` items. The API
 * defaults an item's defaultRequest to its default; the first LimitRange that sets a value wins.
 */
export function limitRangeDefaults(limitRanges: readonly K8sObject[]): Map<string, ContainerDefaults> {
  const byNs = new Map<string, ContainerDefaults>();
  for (const lr of limitRanges) {
    const ns = lr.metadata.namespace;
    const items: unknown[] = Array.isArray(lr.spec?.limits) ? lr.spec.limits : [];
    if (!ns) continue;
    for (const item of items) {
      if (!isObject(item) || item.type !== 'Container') continue;
      const d = byNs.get(ns) ?? { requests: {}, limits: {}, source: null };
      const limits = pick(item.default);
      const requests = { ...limits, ...pick(item.defaultRequest) };
      for (const r of RESOURCES) {
        if (limits[r] && !d.limits[r]) d.limits[r] = limits[r];
        if (requests[r] && !d.requests[r]) d.requests[r] = requests[r];
      }
      if (Object.keys(limits).length + Object.keys(requests).length > 0) d.source ??= lr.metadata.name;
      byNs.set(ns, d);
    }
  }
  return byNs;
}

export interface Effective {
  /** Fields the container ends up without, e.g. "resources.limits.memory". */
  missing: string[];
  /** Fields it did not set but the LimitRange supplies. */
  defaulted: string[];
}

/** The `kind` fields (requests or limits) the container lacks after defaulting. */
export function effectiveResources(c: Container, kind: Kind, defaults: ContainerDefaults | undefined): Effective {
  const res = isObject(c.resources) ? c.resources : {};
  const own = pick(res[kind]);
  // A request left out defaults to the container's own limit for that resource.
  const fallback = kind === 'requests' ? pick(res.limits) : {};
  const missing: string[] = [];
  const defaulted: string[] = [];
  for (const r of RESOURCES) {
    if (own[r] || fallback[r]) continue;
    if (defaults?.[kind][r]) defaulted.push(`resources.${kind}.${r}`);
    else missing.push(`resources.${kind}.${r}`);
  }
  return { missing, defaulted };
}
