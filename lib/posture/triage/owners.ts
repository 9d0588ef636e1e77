// Who owns an object: the first owner key (POSTURE_OWNER_KEYS) found on the object's labels or
// annotations (a workload's pod template labels too), else on its namespace's.
import type { Inventory } from '../../cluster/inventory';
import type { ResourceRef } from '../types';
import { objectOf, stringMap, workloadOf } from './object-index';

export const DEFAULT_OWNER_KEYS = ['owner', 'team', 'app.kubernetes.io/part-of'] as const;

/** POSTURE_OWNER_KEYS=owner,team: the keys in order; the defaults when unset. The caller passes the environment. */
export function ownerKeysFromEnv(env: Record<string, string | undefined>): string[] {
  const keys = (env.POSTURE_OWNER_KEYS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  return keys.length ? keys : [...DEFAULT_OWNER_KEYS];
}

/** POSTURE_EXPECTED_CATALOGUE=off (or 0/false) turns the expected-by-design catalogue off. */
export function catalogueEnabled(env: Record<string, string | undefined>): boolean {
  return !['off', '0', 'false'].includes((env.POSTURE_EXPECTED_CATALOGUE ?? '').trim().toLowerCase());
}

/** The first key's value found in the maps, in order: labels before annotations. */
export function ownerFrom(keys: readonly string[], maps: readonly Record<string, string>[]): string | undefined {
  for (const m of maps) {
    for (const k of keys) {
      const v = m[k];
      if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 200);
    }
  }
  return undefined;
}

export function namespaceOwner(inv: Inventory, namespace: string, keys: readonly string[]): string | undefined {
  const ns = objectOf(inv, { kind: 'Namespace', namespace: null, name: namespace });
  return ns ? ownerFrom(keys, [stringMap(ns.metadata.labels), stringMap(ns.metadata.annotations)]) : undefined;
}

export function resourceOwner(inv: Inventory, r: ResourceRef, keys: readonly string[]): string | undefined {
  if (r.kind === 'Namespace') return namespaceOwner(inv, r.name, keys);
  const o = objectOf(inv, r);
  const w = workloadOf(inv, r);
  const own = ownerFrom(keys, [stringMap(o?.metadata.labels), stringMap(o?.metadata.annotations), w?.podLabels ?? {}, w?.podAnnotations ?? {}]);
  return own ?? (r.namespace ? namespaceOwner(inv, r.namespace, keys) : undefined);
}
