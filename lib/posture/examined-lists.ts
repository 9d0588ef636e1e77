// The lists of objects a check examined (a result's `scope`: object keys, see object-keys.ts) and
// what is kept per list: its keys as a set, and how many it holds per namespace. The checks that
// examine the same objects share one list (engine.ts scopeOf), so these are worked out once per
// list; a binding-scoped check re-run on a few bindings (incremental.ts) makes its next list from
// the last one, shared by the checks that shared that one, its counts carried rather than
// recounted over 20,000 bindings. Pure.
import { namespaceOfKey } from './object-keys';

const counts = new WeakMap<readonly string[], Map<string, number>>();
const members = new WeakMap<readonly string[], Set<string>>();
const replaced = new WeakMap<readonly string[], Map<string, string[]>>();

/** How many of the list's keys are in each namespace. Read only: shared by the checks that share the list. */
export function examinedByNamespace(list: readonly string[]): Map<string, number> {
  let m = counts.get(list);
  if (!m) counts.set(list, (m = countBy(list, namespaceOfKey)));
  return m;
}

/** Which of `keys` the list holds, without walking it (its set is kept per list). */
export function examinedAmong(list: readonly string[], keys: ReadonlySet<string>): Set<string> {
  let all = members.get(list);
  if (!all) members.set(list, (all = new Set(list)));
  const out = new Set<string>();
  for (const k of keys) if (all.has(k)) out.add(k);
  return out;
}

/**
 * The list without the `dropped` keys and with `added` at its end; the same array for the same
 * list and change, so that checks that shared a list share the next one and what is kept for it.
 */
export function replaceExamined(list: readonly string[], dropped: ReadonlySet<string>, added: readonly string[]): string[] {
  let byChange = replaced.get(list);
  if (!byChange) replaced.set(list, (byChange = new Map()));
  const key = `${[...dropped].sort().join('\n')}\0${added.join('\n')}`;
  let next = byChange.get(key);
  if (!next) {
    next = [...list.filter((k) => !dropped.has(k)), ...added];
    const before = counts.get(list);
    if (before) {
      const m = new Map(before);
      for (const k of examinedAmong(list, dropped)) shift(m, namespaceOfKey(k), -1);
      for (const k of added) shift(m, namespaceOfKey(k), 1);
      counts.set(next, m);
    }
    byChange.set(key, next);
  }
  return next;
}

function shift(m: Map<string, number>, ns: string | null, by: number): void {
  if (ns === null) return;
  const n = (m.get(ns) ?? 0) + by;
  if (n === 0) m.delete(ns);
  else m.set(ns, n);
}

export function countBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) {
    const k = key(i);
    if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
