// A namespace's findings found in a document's list by binary search rather than by reading all
// of them: the list is in compareFindings order (severity, area and check, then namespace, kind
// and name), so in each run of one check and severity a namespace's findings lie together. A
// pass over 48,000 findings read as many scattered objects (~10 ms); the dashboard's findings
// route and object pages ask for one namespace after every watched change. Pure.
import type { Finding } from './types';

// Lists known to be in that order: the ones the engine made (document-findings.ts, engine.ts).
// Any other list (a stored snapshot, a viewer's share) is filtered finding by finding.
const sortedLists = new WeakSet<readonly Finding[]>();

export function markSorted<T extends readonly Finding[]>(list: T): T {
  sortedLists.add(list);
  return list;
}

// As compareFindings compares strings (check-aggregates.ts): equal first, then the default collator.
const collate = new Intl.Collator().compare;
const same = (x: string, y: string): number => (x === y ? 0 : collate(x, y));

/**
 * The findings on objects in `namespace`, or on that Namespace itself, in the list's order; null
 * when the list is not known to be sorted (then filter it whole).
 */
export function findingsOfNamespace(list: readonly Finding[], namespace: string): Finding[] | null {
  if (!sortedLists.has(list)) return null;
  const out: Finding[] = [];
  for (let start = 0; start < list.length; ) {
    const head = list[start]!;
    const end = runEnd(list, start, (f) => f.severity === head.severity && f.area === head.area && f.checkId === head.checkId);
    // The Namespace object's own findings sort under no namespace (''), then by kind and name.
    const own = (f: Finding) => same(f.resource.namespace ?? '', '') || same(f.resource.kind, 'Namespace') || same(f.resource.name, namespace);
    const inside = (f: Finding) => same(f.resource.namespace ?? '', namespace);
    for (const order of [own, inside]) {
      const from = firstAt(list, start, end, (f) => order(f) < 0);
      const to = firstAt(list, from, end, (f) => order(f) <= 0);
      for (let i = from; i < to; i++) out.push(list[i]!);
    }
    start = end;
  }
  return out;
}

/** The end of the run from `start` where `inRun` holds (it holds for a prefix): by doubling steps, then halving. */
function runEnd(list: readonly Finding[], start: number, inRun: (f: Finding) => boolean): number {
  let step = 1;
  let lo = start + 1;
  while (lo + step - 1 < list.length && inRun(list[lo + step - 1]!)) {
    lo += step;
    step *= 2;
  }
  return firstAt(list, lo, Math.min(list.length, lo + step - 1), (f) => inRun(f));
}

/** The first index in [lo, hi) where `before` no longer holds (it holds for a prefix). */
function firstAt(list: readonly Finding[], lo: number, hi: number, before: (f: Finding) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
