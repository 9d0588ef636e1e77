// A pod spec's containers flattened once per spec object: ~40 checks and the attack-path rules
// each walked the three container lists of 50,000 workloads, building the same arrays again.
// Keyed by the spec object itself (the inventory never mutates one; a change replaces it), so
// it holds no read the incremental path could miss: reaching the spec is the read. Pure.
import type { Container, PodSpec } from '../../cluster/types';

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
const LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

type Obj = Record<string, unknown>;

export interface FlatContainer {
  list: ContainerList;
  index: number;
  /** e.g. spec.initContainers[0] */
  path: string;
  /** Its name, or its path when it has none. */
  name: string;
  /** Its name field when that is a string (a patch addresses the container by it). */
  ownName: string | undefined;
  /** The container's securityContext, when it is an object. */
  sc: Obj | undefined;
  raw: Obj;
}

interface Flat {
  /** Object entries (not arrays), in PSA's order: init, app, ephemeral. */
  containers: readonly FlatContainer[];
  /** Every non-null object entry, as the container type (the registry and host checks' view). */
  raw: readonly Container[];
}

const cache = new WeakMap<object, Flat>();
const EMPTY: Flat = Object.freeze({ containers: Object.freeze([]), raw: Object.freeze([]) });

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function flat(spec: PodSpec): Flat {
  if (typeof spec !== 'object' || spec === null) return EMPTY;
  let f = cache.get(spec);
  if (f) return f;
  const containers: FlatContainer[] = [];
  const raw: Container[] = [];
  const s = spec as unknown as Obj;
  for (const list of LISTS) {
    const l = s[list];
    if (!Array.isArray(l)) continue;
    l.forEach((c: unknown, index) => {
      if (typeof c !== 'object' || c === null) return;
      raw.push(c as Container);
      if (!isObj(c)) return;
      const path = `spec.${list}[${index}]`;
      const ownName = typeof c.name === 'string' ? c.name : undefined;
      containers.push({ list, index, path, name: ownName || path, ownName, sc: isObj(c.securityContext) ? c.securityContext : undefined, raw: c });
    });
  }
  cache.set(spec, (f = { containers, raw }));
  return f;
}

/** The spec's containers (init, app, ephemeral), objects only, with list, path and securityContext. */
export function flatContainers(spec: PodSpec): readonly FlatContainer[] {
  return flat(spec).containers;
}

/** Every container entry that is an object, as Container; tolerant of malformed specs. */
export function rawContainers(spec: PodSpec): readonly Container[] {
  return flat(spec).raw;
}
