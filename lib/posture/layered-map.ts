// A map made from another with a few keys set or removed, without copying it. A check re-run on
// a namespace or two keeps its per-namespace parts (slices, findings, failing and examined
// objects) as the last ones with those namespaces replaced: copying 2,000 namespaces' entries,
// four maps for each of 40 re-run checks, was a tenth of a bare pod's update. Pure.
//
// Iterates as a Map copied and edited would: the base's order with replaced values in place,
// removed keys left out, new keys at the end. A chain of layers deeper than MAX_DEPTH is copied
// into one Map, so a lookup costs at most that many.

const MAX_DEPTH = 8;

class Layered<K, V> implements ReadonlyMap<K, V> {
  constructor(
    private readonly base: ReadonlyMap<K, V>,
    /** undefined: removed. */
    private readonly changes: ReadonlyMap<K, V | undefined>,
    readonly size: number,
    readonly depth: number,
  ) {}

  get(k: K): V | undefined {
    return this.changes.has(k) ? this.changes.get(k) : this.base.get(k);
  }

  has(k: K): boolean {
    return this.changes.has(k) ? this.changes.get(k) !== undefined : this.base.has(k);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) {
      if (!this.changes.has(k)) yield [k, v];
      else {
        const now = this.changes.get(k);
        if (now !== undefined) yield [k, now];
      }
    }
    for (const [k, v] of this.changes) if (v !== undefined && !this.base.has(k)) yield [k, v];
  }

  *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  forEach(f: (v: V, k: K, m: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
}

/** `base` with each key of `changes` set to its value, or removed where the value is undefined. */
export function layered<K, V>(base: ReadonlyMap<K, V>, changes: ReadonlyMap<K, V | undefined>): ReadonlyMap<K, V> {
  if (changes.size === 0) return base;
  let size = base.size;
  for (const [k, v] of changes) size += (v === undefined ? 0 : 1) - (base.has(k) ? 1 : 0);
  const depth = (base instanceof Layered ? base.depth : 0) + 1;
  const m = new Layered(base, changes, size, depth);
  return depth > MAX_DEPTH ? new Map(m) : m;
}
