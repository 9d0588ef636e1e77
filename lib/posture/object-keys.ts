// The keys objects go by in results and aggregates (`Kind/namespace/name`), and their namespace. Pure.
import type { ResourceRef } from './types';

const refKeys = new WeakMap<ResourceRef, string>();

export function refKey(r: ResourceRef): string {
  // Frozen refs (shared, e.g. workloadRef's) are keyed once; others may change, so no caching.
  if (!Object.isFrozen(r)) return `${r.kind}/${r.namespace ?? ''}/${r.name}`;
  let k = refKeys.get(r);
  if (k === undefined) refKeys.set(r, (k = `${r.kind}/${r.namespace ?? ''}/${r.name}`));
  return k;
}

/** The namespace a finding or examined object belongs to; a Namespace object belongs to itself. */
export function namespaceOfKey(key: string): string | null {
  // indexOf rather than split: this runs for every examined object of every check.
  const a = key.indexOf('/');
  const b = key.indexOf('/', a + 1);
  if (a === 9 && key.startsWith('Namespace')) {
    const c = key.indexOf('/', b + 1);
    return key.slice(b + 1, c === -1 ? undefined : c);
  }
  return b > a + 1 ? key.slice(a + 1, b) : null;
}
