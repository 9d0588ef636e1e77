// What assembling a document needs of one check's results, kept with them (the incremental path
// reuses unchanged checks' results and carries re-run ones' from what they were). Pure.
import type { Evaluated } from './engine';
import { countBy, examinedByNamespace } from './examined-lists';
import { layered } from './layered-map';
import { namespaceOfKey, refKey } from './object-keys';
import { countBySeverity, severityRank } from './scoring';
import type { Finding, ResourceRef, SeverityCounts } from './types';

/** What assembling needs of one check's results, kept with them: the incremental path reuses unchanged checks' results. */
export interface CheckAggregates {
  /** Findings sorted as the document lists them (compareFindings), and runs of equal severity. */
  sorted: Finding[];
  findingsByNs: ReadonlyMap<string, Finding[]>;
  examined: ReadonlyMap<string, number> | null;
  failing: ReadonlyMap<string, string[]>;
  /** Distinct objects with a finding. */
  failingCount: number;
  /** Findings on cluster-scoped objects (in no namespace). */
  clusterScoped: Finding[];
  /** All findings by severity. */
  counts: SeverityCounts;
}

/**
 * A result made from another by re-running its check on part of the cluster: the findings in
 * these namespaces ('' for cluster-scoped objects) were replaced, the others are the same objects.
 */
export interface Derivation {
  from: Evaluated;
  namespaces: ReadonlySet<string>;
  /** How the sorted findings were made from `from`'s: a list aligned with those is edited the same way (document-findings.ts). */
  edits?: SortedEdits;
}

/** `from`'s sorted findings less those at `drops`, with `added` (sorted) put before the indexes `at`. */
export interface SortedEdits {
  drops: readonly number[];
  at: readonly number[];
  added: readonly Finding[];
}

const derivations = new WeakMap<Evaluated, Derivation>();

export function derivationOf(e: Evaluated): Derivation | undefined {
  return derivations.get(e);
}

/** A result's findings in one namespace, or ('') on cluster-scoped objects. */
export function findingsInNamespace(e: Evaluated, ns: string): readonly Finding[] {
  const a = aggregatesOf(e);
  return ns === '' ? a.clusterScoped : (a.findingsByNs.get(ns) ?? []);
}

const aggregates = new WeakMap<Evaluated, CheckAggregates>();

/** The result's aggregates if something made them already (carried or asked for), without making them. */
export function knownAggregates(e: Evaluated): CheckAggregates | undefined {
  return aggregates.get(e);
}

export function aggregatesOf(e: Evaluated): CheckAggregates {
  let a = aggregates.get(e);
  if (!a) {
    const keys = new Set(e.findings.map((f) => refKey(f.resource)));
    a = {
      sorted: [...e.findings].sort(compareFindings),
      findingsByNs: groupBy(e.findings, (f) => namespaceOfKey(refKey(f.resource))),
      examined: e.scope ? examinedByNamespace(e.scope) : null,
      failing: groupBy([...keys], namespaceOfKey),
      failingCount: keys.size,
      clusterScoped: e.findings.filter((f) => namespaceOfKey(refKey(f.resource)) === null),
      counts: countBySeverity(e.findings),
    };
    aggregates.set(e, a);
  }
  return a;
}

/**
 * `next` is `prev` re-run on some namespaces only (lib/posture/incremental.ts): its aggregates are
 * prev's with those namespaces' parts replaced, not rebuilt from every finding.
 */
export function carryAggregates(prev: Evaluated, next: Evaluated, namespaces: readonly string[], fresh?: { findings: Finding[]; scope: string[] }): void {
  const freshFindings = fresh?.findings;
  const old = aggregatesOf(prev);
  const touched = new Set(namespaces);
  const found = freshFindings ?? next.findings.filter((f) => touched.has(namespaceOfKey(refKey(f.resource)) ?? ''));
  const gone = new Set(namespaces.flatMap((ns) => old.findingsByNs.get(ns) ?? []));
  const edits = gone.size || found.length ? mergePlan(old.sorted, found.sort(compareFindings), gone) : null;
  const sorted = edits ? applyEdits(old.sorted, edits, edits.added) : old.sorted;
  // The touched namespaces' parts replaced (or removed), the others' shared with prev's.
  const replaced = <V>(base: ReadonlyMap<string, V>, now: ReadonlyMap<string, V>) => layered(base, new Map(namespaces.map((ns) => [ns, now.get(ns)])));
  const findingsByNs = replaced(old.findingsByNs, groupBy(found, (f) => namespaceOfKey(refKey(f.resource))));
  const failing = replaced(old.failing, groupBy([...new Set(found.map((f) => refKey(f.resource)))], namespaceOfKey));
  const inTouched = (k: string) => touched.has(namespaceOfKey(k) ?? '');
  // The touched namespaces' examined objects, as the caller ran them, or picked from all of them.
  const touchedScope = fresh?.scope ?? next.scope?.filter(inTouched) ?? [];
  const examined = old.examined && next.scope ? replaced(old.examined, countBy(touchedScope, namespaceOfKey)) : null;
  aggregates.set(next, {
    sorted,
    findingsByNs,
    examined: next.scope ? (examined ?? countBy(next.scope, namespaceOfKey)) : null,
    failing,
    // Every finding of a namespace-split check is in some namespace: the others' counts stand.
    failingCount: freshFindings
      ? old.failingCount -
        namespaces.reduce((n, ns) => n + (old.failing.get(ns)?.length ?? 0), 0) +
        namespaces.reduce((n, ns) => n + (failing.get(ns)?.length ?? 0), 0)
      : new Set(next.findings.map((f) => refKey(f.resource))).size,
    clusterScoped: old.clusterScoped,
    counts: adjusted(old.counts, gone, found),
  });
  derivations.set(next, { from: prev, namespaces: touched, ...(edits && { edits }) });
}

/** Severity counts less the findings gone, plus those found. */
function adjusted(counts: SeverityCounts, gone: Iterable<Finding>, found: Iterable<Finding>): SeverityCounts {
  const out = { ...counts };
  for (const f of gone) out[f.severity]--;
  for (const f of found) out[f.severity]++;
  return out;
}

/**
 * `next` is `prev` with the findings on some objects (`keys`) replaced by `fresh` (scope 'binding',
 * lib/posture/incremental.ts): its aggregates are prev's with those objects' parts replaced.
 */
export function carryObjectAggregates(prev: Evaluated, next: Evaluated, keys: ReadonlySet<string>, fresh: Finding[]): void {
  const old = aggregatesOf(prev);
  const mine = (f: Finding) => keys.has(refKey(f.resource));
  const gone = old.sorted.filter(mine);
  const edits = mergePlan(old.sorted, [...fresh].sort(compareFindings), new Set(gone));
  const sorted = applyEdits(old.sorted, edits, edits.added);
  const findingsIn = new Map<string, Finding[] | undefined>();
  const failingIn = new Map<string, string[] | undefined>();
  const namespaces = new Set([...keys].map(namespaceOfKey).filter((ns): ns is string => ns !== null));
  for (const ns of namespaces) {
    const list = [...(old.findingsByNs.get(ns) ?? []).filter((f) => !mine(f)), ...fresh.filter((f) => namespaceOfKey(refKey(f.resource)) === ns)];
    const failed = [...new Set(list.map((f) => refKey(f.resource)))];
    findingsIn.set(ns, list.length ? list : undefined);
    failingIn.set(ns, failed.length ? failed : undefined);
  }
  const findingsByNs = layered(old.findingsByNs, findingsIn);
  const failing = layered(old.failing, failingIn);
  const before = new Set(gone.map((f) => refKey(f.resource))).size;
  const unnamespaced = (f: Finding) => namespaceOfKey(refKey(f.resource)) === null;
  aggregates.set(next, {
    sorted,
    findingsByNs,
    examined: next.scope === prev.scope ? old.examined : next.scope ? examinedByNamespace(next.scope) : null,
    failing,
    failingCount: old.failingCount - before + new Set(fresh.map((f) => refKey(f.resource))).size,
    clusterScoped: [...old.clusterScoped.filter((f) => !mine(f)), ...fresh.filter(unnamespaced)],
    counts: adjusted(old.counts, gone, fresh),
  });
  derivations.set(next, { from: prev, namespaces: new Set([...keys].map((k) => namespaceOfKey(k) ?? '')), edits });
}

/**
 * How to make `a` (many, sorted) less `gone` (some of its findings) with `b` (few, sorted) merged
 * in: equal findings keep a's first, as filtering and a stable sort would. Where each goes is
 * found by binary search, so the runs between are copied by slice (applyEdits), not finding by
 * finding: 40 re-run checks of up to 50,000 findings each after every change.
 */
function mergePlan(a: readonly Finding[], b: readonly Finding[], gone: ReadonlySet<Finding>): SortedEdits {
  // A large part of the list (a big namespace re-run): one walk beats a binary search per finding.
  const walk = (gone.size + b.length) * 16 > a.length;
  const drops: number[] = [];
  if (walk) {
    for (let i = 0; i < a.length; i++) if (gone.has(a[i]!)) drops.push(i);
  } else {
    for (const g of gone) {
      const i = positionIn(a, g);
      const at = i >= 0 ? i : a.indexOf(g); // not where its order puts it (never so): found by identity
      if (at >= 0) drops.push(at);
    }
    drops.sort((x, y) => x - y);
  }
  const at: number[] = [];
  let lo = 0;
  for (const f of b) {
    if (walk) while (lo < a.length && compareFindings(a[lo]!, f) <= 0) lo++;
    else lo = bound(a, f, lo, (c) => c <= 0);
    at.push(lo);
  }
  return { drops, at, added: b };
}

/** `a` edited (mergePlan) with `added` put where the plan's were: `a` may be a list aligned with the one planned on. */
export function applyEdits<T>(a: readonly T[], edits: SortedEdits, added: readonly T[]): T[] {
  const { drops, at } = edits;
  const pieces: (readonly T[])[] = [];
  let from = 0;
  let d = 0;
  // Added findings that go together make one piece.
  let run: T[] | null = null;
  const copy = (end: number) => {
    if (end <= from) return;
    pieces.push(a.slice(from, end));
    run = null;
  };
  const dropUntil = (end: number) => {
    for (; d < drops.length && drops[d]! < end; d++) {
      copy(drops[d]!);
      from = drops[d]! + 1;
    }
  };
  for (let i = 0; i < added.length; i++) {
    dropUntil(at[i]!);
    copy(at[i]!);
    from = Math.max(from, at[i]!);
    if (!run) pieces.push((run = []));
    run.push(added[i]!);
  }
  dropUntil(a.length);
  copy(a.length);
  // In parts: a spread of very many pieces would overflow the stack.
  let out: T[] = [];
  for (let i = 0; i < pieces.length; i += 10_000) out = out.concat(...pieces.slice(i, i + 10_000));
  return out;
}

/** Where `f` itself is in `sorted` (by its order, then identity); -1 if not there. */
export function positionIn(sorted: readonly Finding[], f: Finding): number {
  let i = bound(sorted, f, 0, (c) => c < 0);
  while (i < sorted.length && sorted[i] !== f && compareFindings(sorted[i]!, f) === 0) i++;
  return sorted[i] === f ? i : -1;
}

/** The first index from `lo` where `before(compareFindings(a[i], f))` no longer holds (a sorted). */
function bound(a: readonly Finding[], f: Finding, lo: number, before: (c: number) => boolean): number {
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(compareFindings(a[mid]!, f))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  }
  return m;
}


// localeCompare() with no locale, without building a collator on each of the ~n log n calls.
const collate = new Intl.Collator().compare;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    same(a.area, b.area) ||
    same(a.checkId, b.checkId) ||
    same(a.resource.namespace ?? '', b.resource.namespace ?? '') ||
    same(a.resource.kind, b.resource.kind) ||
    same(a.resource.name, b.resource.name) ||
    same(a.message, b.message)
  );
}

// Equal strings first: a check's findings share area and check id, and often namespace and kind,
// and the collator is far slower than ===.
const same = (x: string, y: string): number => (x === y ? 0 : collate(x, y));
