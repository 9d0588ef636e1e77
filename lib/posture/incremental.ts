// The posture after a change, recomputing only what the change touched. Pure.
//
// Every check runs on an inventory that records what it reads (which kinds, the workloads…),
// so a change re-runs only the checks that read something it touched. A check marked
// `scope: 'namespace'` (check.ts) is re-run on the changed namespace's objects alone and its
// findings for that namespace are spliced into the cached ones; anything else re-runs whole.
// Scores and summaries are then assembled by the engine as for a full computation, so the
// document equals computePosture's (incremental.test.ts proves it on random changes).
import type { Touched } from '../cluster/apply-change';
import { WORKLOAD_SOURCE_KEYS } from '../cluster/build-inventory';
import { RESOURCES, type Inventory } from '../cluster/inventory';
import type { Check, ObjectNotAssessed } from './check';
import { analyseAttackPaths, type AttackAnalysis } from './attack-paths';
import { aggregatesOf, carryAggregates, carryObjectAggregates } from './check-aggregates';
import { examinedAmong, replaceExamined } from './examined-lists';
import { layered } from './layered-map';
import { namespaceOfKey, refKey } from './object-keys';
import {
  assemblePosture,
  runCheck,
  withAttackAnalysis,
  withNotAssessed,
  type Evaluated,
  type PostureOptions,
} from './engine';
import type { TriageCarry, TriageOptions, TriageSession } from './triage/apply';
import { detectCoverage } from './coverage/detect';
import { objectsInNamespace, workloadsInNamespace } from '../cluster/namespace-runs';
import { cutoffFor, declaredCutoffs } from './incremental-cutoffs';
import { affectedBindings, bindingView, isBindingRead, prepareBindingIndexes, subjectNamespaces, type BindingChange } from './incremental-bindings';
import type { K8sObject } from '../cluster/types';
import { memoReadsSnapshot, noteRead, recordReads } from './read-tracking';
import { ALL_CHECKS } from './registry';
import type { Finding, PostureDocument } from './types';

interface Slice {
  findings: Finding[];
  scope: string[];
  /** Objects the check could not judge (CheckResult.notAssessedFor). */
  unjudged: ObjectNotAssessed[];
}

/** What a re-run joins of the slices; its findings are the aggregates' sorted list instead (rerunNamespaces). */
type Joined = Pick<Slice, 'scope' | 'unjudged'>;

interface CheckState {
  evaluated: Evaluated;
  /** What the check read: `objects.<kind>`, `objects.*`, or an Inventory field (workloads, readAt…). */
  reads: Set<string>;
  /** Findings and examined objects per namespace; null when the check cannot be split so. */
  byNamespace: ReadonlyMap<string, Slice> | null;
  /** byNamespace's examined and unjudged objects joined, each slice's together (joinSlices), once a re-run has joined them or a whole run listed them so. */
  joined?: Joined;
}

export interface IncrementalPosture {
  inventory: Inventory;
  doc: PostureDocument;
  checks: CheckState[];
  /** What each memoised value's builds read (read-tracking.ts). */
  memoReads: Map<string, Set<string>>;
  coverage: ReturnType<typeof detectCoverage>;
  /** The triage the document was assembled with; updates keep it unless given another. */
  triage?: TriageOptions;
  /** The attack-path analysis in the document, what it read, and the version it is of (see updatePosture's `attackPaths`). */
  attack: AttackState;
  /** The marks the document's triage worked out, for the next update. */
  triageCarry?: TriageCarry;
}

interface AttackState {
  analysis: AttackAnalysis;
  reads: Set<string>;
  /** Absent: of this inventory. Else the generatedAt of the document whose inventory it analysed. */
  asOf?: string;
}

export interface UpdateStats {
  /** Checks run whole, run on single namespaces, run on some bindings (scope 'binding'), and left as they were. */
  full: number;
  perNamespace: number;
  perBinding: number;
  reused: number;
  /** The ids of the checks run whole. */
  whole: string[];
}

/** Above this many changed namespaces a namespaced check is cheaper to run whole. */
const MAX_NAMESPACE_RUNS = 20;

const NAMESPACE_LOCAL = new Set<string>(RESOURCES.filter((r) => r.namespaced || r.key === 'namespaces').map((r) => `objects.${r.key}`));

export function initialPosture(inventory: Inventory, opts: PostureOptions = {}): IncrementalPosture {
  // One recording inventory for all checks, so what they memoise per inventory is built once.
  const recorded = recording(inventory);
  const checks = (opts.checks ?? ALL_CHECKS).map((c) => runWhole(c, recorded));
  const coverage = detectCoverage(recorded);
  const attack = analyseRecorded(recorded);
  const session: TriageSession = {};
  const doc = assemblePosture(
    inventory,
    checks.map((s) => s.evaluated),
    opts.now,
    coverage,
    undefined,
    opts.triage,
    attack.analysis,
    session,
  );
  prepareForChanges(inventory, checks);
  return { inventory, checks, doc, coverage, memoReads: memoReadsSnapshot(), triage: opts.triage, attack, triageCarry: session.next };
}

/**
 * The indexes the cutoffs, binding views and binding-scoped checks' re-runs keep per list (lists a
 * pod's change leaves as they were), built with the first posture rather than by the first change: each cutoff is asked
 * once with nothing changed.
 */
function prepareForChanges(inv: Inventory, checks: CheckState[]): void {
  const nothing: Touched = { namespaces: new Set(), kinds: new Set(), workloads: false, implicitNamespaces: false };
  for (const c of declaredCutoffs()) c.unchanged(inv, inv, nothing);
  prepareBindingIndexes(inv);
  for (const { evaluated: e } of checks) if (e.check.scope === 'binding' && e.scope) examinedAmong(e.scope, nothing.namespaces);
}

function analyseRecorded(recorded: Inventory): AttackState {
  const reads = new Set<string>();
  const analysis = recordReads(reads, () => analyseAttackPaths(recorded));
  return { analysis, reads };
}

/**
 * The state with its attack paths analysed on its own inventory, when an update deferred them
 * (the document's `attackPathsAsOf` then goes). About 2 s of CPU at 50,000 pods: the live
 * follower has a worker thread do it (lib/server/attack-paths-thread.ts) and adopts the result.
 */
export function refreshAttackPaths(state: IncrementalPosture): IncrementalPosture {
  if (state.attack.asOf === undefined) return state;
  return adoptAttackPaths(state, analyseForAdoption(state.inventory));
}

/** An analysis made apart from the state it will join (another thread): what it read travels with it. Structured-cloneable. */
export interface AttackRefresh {
  analysis: AttackAnalysis;
  reads: Set<string>;
  /** What the memoised values it used read (read-tracking.ts): the state must know them to tell when they change. */
  memoReads: Map<string, Set<string>>;
}

export function analyseForAdoption(inventory: Inventory): AttackRefresh {
  const { analysis, reads } = analyseRecorded(recording(inventory));
  return { analysis, reads, memoReads: memoReadsSnapshot() };
}

/**
 * The state with an analysis of an earlier version of its inventory, or of this one: `asOf` is
 * the generatedAt of the document whose inventory was analysed when a change since touched what
 * the analysis reads (it stays behind, and says so), absent when the analysis is current.
 */
export function adoptAttackPaths(state: IncrementalPosture, refresh: AttackRefresh, asOf?: string): IncrementalPosture {
  const memoReads = new Map(state.memoReads);
  for (const [key, reads] of refresh.memoReads) memoReads.set(key, new Set([...(memoReads.get(key) ?? []), ...reads]));
  const attack: AttackState = { analysis: refresh.analysis, reads: refresh.reads, ...(asOf === undefined ? {} : { asOf }) };
  const doc = withAttackAnalysis(state.doc, refresh.analysis);
  return { ...state, attack, doc: asOf === undefined ? doc : { ...doc, attackPathsAsOf: asOf }, memoReads };
}

export function updatePosture(
  prev: IncrementalPosture,
  inventory: Inventory,
  touched: Touched,
  /**
   * `attackPaths: 'defer'`: when the change touched what the attack-path analysis reads, keep the
   * previous analysis and say so (`attackPathsAsOf`) rather than re-analysing the whole cluster;
   * refreshAttackPaths brings it up to date. Everything else in the document is exact either way.
   */
  opts: { now?: Date; triage?: TriageOptions; attackPaths?: 'defer' } = {},
): { posture: IncrementalPosture; stats: UpdateStats } {
  const triageOptions = opts.triage ?? prev.triage;
  const deltas = new Map<string, Set<string>>();
  const changed = withMemos(touchedReads(touched), prev, inventory, touched, deltas);
  const bindingChange: BindingChange = { prev: prev.inventory, next: inventory, touched, deltas, memoReads: prev.memoReads, changed };
  const bindingsMemo = new Map<string, K8sObject[] | null>();
  // Namespaces whose findings changed beyond the touched ones (a RoleBinding naming a ServiceAccount elsewhere).
  const stale = new Set(touched.namespaces);
  const bindingViews = new Map<string, Inventory>();
  const stats: UpdateStats = { full: 0, perNamespace: 0, perBinding: 0, reused: 0, whole: [] };
  const recorded = recording(inventory);
  const views = new Map<string, Inventory>();
  const viewOf = (ns: string, whole: readonly string[] = []) => {
    const key = `${ns}\n${whole.join(',')}`;
    let v = views.get(key);
    if (!v) views.set(key, (v = recording(namespaceView(inventory, ns, whole))));
    return v;
  };
  const checks = prev.checks.map((state) => {
    const hits = readsHit(changed, state.reads);
    if (hits.length === 0) {
      stats.reused++;
      return state;
    }
    const namespaces = state.byNamespace !== null ? namespacesToRerun(state.evaluated.check, hits, touched, prev.memoReads, bindingChange, bindingsMemo) : null;
    if (namespaces && namespaces.size === 0) {
      stats.reused++;
      return state;
    }
    if (namespaces) {
      for (const ns of namespaces) stale.add(ns);
      const next = rerunNamespaces(state, [...namespaces], viewOf);
      if (next) {
        stats.perNamespace++;
        return next;
      }
    }
    const bindings = state.evaluated.check.scope === 'binding' && state.evaluated.result.assessed ? affectedBindings(hits, bindingChange, bindingsMemo) : null;
    if (bindings) {
      if (bindings.size === 0) {
        stats.reused++;
        return state;
      }
      const key = [...bindings].sort().join('\n');
      let view = bindingViews.get(key);
      if (!view) bindingViews.set(key, (view = recording(bindingView(inventory, bindings))));
      const next = rerunBindings(state, bindings, view);
      if (next) {
        stats.perBinding++;
        for (const k of bindings) {
          const ns = namespaceOfKey(k);
          if (ns !== null) stale.add(ns);
        }
        return next;
      }
    }
    stats.full++;
    stats.whole.push(state.evaluated.check.id);
    return runWhole(state.evaluated.check, recorded);
  });
  const coverage = changed.has('memo:coverage') ? detectCoverage(recorded) : prev.coverage;
  // Nothing the analysis read changed: it is as current (or as far behind) as it was.
  const attack: AttackState =
    readsHit(changed, prev.attack.reads).length === 0
      ? prev.attack
      : opts.attackPaths === 'defer'
        ? { ...prev.attack, asOf: prev.attack.asOf ?? prev.doc.generatedAt }
        : analyseRecorded(recorded);
  // With no check re-run whole, only the changed namespaces' summaries can differ.
  const reuse = stats.full === 0 ? { previous: prev.doc.namespaces, stale } : undefined;
  const session: TriageSession = { previous: prev.triageCarry, touched };
  const doc = assemblePosture(
    inventory,
    checks.map((s) => s.evaluated),
    opts.now,
    coverage,
    // Other exceptions than last time may change any namespace's summary.
    opts.triage && opts.triage !== prev.triage ? undefined : reuse,
    triageOptions,
    attack.analysis,
    session,
  );
  return {
    posture: {
      inventory,
      checks,
      doc: attack.asOf === undefined ? doc : { ...doc, attackPathsAsOf: attack.asOf },
      coverage,
      memoReads: memoReadsSnapshot(),
      triage: triageOptions,
      attack,
      triageCarry: session.next,
    },
    stats,
  };
}

/** The changed reads (touchedReads, withMemos) among what something read. */
function readsHit(changed: Set<string>, reads: Set<string>): string[] {
  return [...changed].filter((k) => reads.has('*') || reads.has(k) || (k.startsWith('objects.') && reads.has('objects.*')));
}

/**
 * Adds `memo:<key>` for every memoised value that may have changed: it read something that
 * changed (or another such memo), and no cutoff its memo declared (incremental-cutoffs.ts) rules the change out.
 */
function withMemos(changed: Set<string>, prev: IncrementalPosture, next: Inventory, touched: Touched, deltas: Map<string, Set<string>>): Set<string> {
  const out = new Set(changed);
  for (let grew = true; grew;) {
    grew = false;
    for (const [key, reads] of prev.memoReads) {
      if (out.has(`memo:${key}`)) continue;
      const hits = readsHit(out, reads);
      if (hits.length === 0) continue;
      const cutoff = cutoffFor(key);
      const judged = cutoff !== undefined && hits.every((h) => cutoff.judges.includes(h));
      if (judged && cutoff.unchanged(prev.inventory, next, touched)) continue;
      if (judged && cutoff.changedKeys) deltas.set(key, cutoff.changedKeys(prev.inventory, next, touched));
      if (judged) cutoff.carry?.(prev.inventory, next, touched);
      out.add(`memo:${key}`);
      grew = true;
    }
  }
  return out;
}

/**
 * The namespaces a namespace-scoped check must re-run on, or null (run it whole). A changed memo
 * may change other namespaces' findings too, unless all it read is namespace-local (an index by
 * namespace, lib/posture/indexes): on N's view it is built from N's objects alone, as reading
 * them directly would be. Changed bindings reach a check with bindingsBySubject in the
 * namespaces of the ServiceAccounts they name.
 */
function namespacesToRerun(
  check: Check,
  hits: string[],
  touched: Touched,
  memoReads: Map<string, Set<string>>,
  bindings: BindingChange,
  bindingsMemo: Map<string, K8sObject[] | null>,
): Set<string> | null {
  const whole = new Set((check.wholeKinds ?? []).map((k) => `objects.${k}`));
  const local = (k: string) => localRead(k, whole, memoReads);
  let namespaces = touched.namespaces;
  if (hits.every(local)) {
    if (namespaces.size === 0) return null;
  } else {
    if (!check.bindingsBySubject || !hits.every((k) => local(k) || isBindingRead(k, bindings))) return null;
    const reached = subjectNamespaces(bindings, bindingsMemo);
    if (!reached) return null;
    namespaces = new Set([...touched.namespaces, ...reached]);
  }
  return namespaces.size <= MAX_NAMESPACE_RUNS ? namespaces : null;
}

/** Whether a read, on N's view, sees only N's objects (and the check does not want that kind whole). */
function localRead(k: string, whole: Set<string>, memoReads: Map<string, Set<string>>, seen = new Set<string>()): boolean {
  if (k === 'workloads' || k === 'implicitNamespaces') return true;
  if (NAMESPACE_LOCAL.has(k)) return !whole.has(k);
  if (!k.startsWith('memo:') || seen.has(k)) return false;
  seen.add(k);
  const reads = memoReads.get(k.slice('memo:'.length));
  return reads !== undefined && reads.size > 0 && [...reads].every((r) => localRead(r, whole, memoReads, seen));
}

function touchedReads(t: Touched): Set<string> {
  const out = new Set([...t.kinds].map((k) => `objects.${k}`));
  if (t.workloads) out.add('workloads');
  // apply-change.ts maps a namespace's pods again when a pod or controller there changes.
  if (WORKLOAD_SOURCE_KEYS.some((k) => t.kinds.has(k))) out.add('podWorkloads');
  if (t.implicitNamespaces) out.add('implicitNamespaces');
  return out;
}

/** `inventory` is a recording one (see recording()). */
function runWhole(check: Check, inventory: Inventory): CheckState {
  const reads = new Set<string>();
  const evaluated = recordReads(reads, () => runCheck(check, inventory));
  const byNamespace = check.scope === 'namespace' ? split(evaluated) : null;
  // The result's own arrays when they list each namespace's part together: the first re-run cuts them, not a joined copy.
  const joined: Joined | undefined =
    byNamespace && joinsAsIs(byNamespace, evaluated) ? { scope: evaluated.scope ?? [], unjudged: evaluated.result.notAssessedFor ?? [] } : undefined;
  return { evaluated, reads, byNamespace, ...(joined && { joined }) };
}

/** Whether the slices joined in their order give back the result's own arrays, element for element. */
function joinsAsIs(byNamespace: ReadonlyMap<string, Slice>, e: Evaluated): boolean {
  const same = <T>(whole: readonly T[], part: (s: Slice) => readonly T[]): boolean => {
    let i = 0;
    for (const s of byNamespace.values()) for (const x of part(s)) if (whole[i++] !== x) return false;
    return i === whole.length;
  };
  return same(e.scope ?? [], (s) => s.scope) && same(e.result.notAssessedFor ?? [], (s) => s.unjudged);
}

/** The check's findings and examined objects per namespace, or null if some lie outside any namespace. */
function split(e: Evaluated): Map<string, Slice> | null {
  if (!e.result.assessed) return null;
  const m = new Map<string, Slice>();
  const slice = (ns: string) => {
    let s = m.get(ns);
    if (!s) m.set(ns, (s = { findings: [], scope: [], unjudged: [] }));
    return s;
  };
  // The examined objects first: the namespaces then stand in their order, which the findings' usually follow (joinsAsIs).
  for (const key of e.scope ?? []) {
    const ns = namespaceOfKey(key);
    if (ns === null) return null;
    slice(ns).scope.push(key);
  }
  for (const f of e.findings) {
    const ns = namespaceOfKey(refKey(f.resource));
    if (ns === null) return null;
    slice(ns).findings.push(f);
  }
  for (const o of e.result.notAssessedFor ?? []) {
    const ns = namespaceOfKey(refKey(o.resource));
    if (ns === null) return null;
    slice(ns).unjudged.push(o);
  }
  return m;
}

/** The check re-run on each namespace's view; null when a view does not split cleanly (then it runs whole). */
function rerunNamespaces(state: CheckState, namespaces: string[], viewOf: (ns: string, whole?: readonly string[]) => Inventory): CheckState | null {
  const slices = new Map<string, Slice | undefined>();
  const reads = new Set(state.reads);
  const fresh: { findings: Finding[]; scope: string[] } = { findings: [], scope: [] };
  for (const ns of namespaces) {
    const check = state.evaluated.check;
    const e = recordReads(reads, () => runCheck(check, viewOf(ns, check.wholeKinds)));
    const parts = split(e);
    if (!parts || [...parts.keys()].some((k) => k !== ns)) return null;
    const mine = parts.get(ns);
    slices.set(ns, mine);
    if (mine) fresh.findings.push(...mine.findings);
    if (mine) fresh.scope.push(...mine.scope);
  }
  const byNamespace = layered(state.byNamespace!, slices);
  const prev = state.evaluated;
  const joined = joinSlices(state.byNamespace!, byNamespace, namespaces, state.joined ?? joinAll(state.byNamespace!));
  const { scope, unjudged } = joined;
  const evaluated: Evaluated = { check: prev.check, result: prev.result, findings: [], scope: prev.check.examines ? scope : null };
  carryAggregates(prev, evaluated, namespaces, fresh);
  // Its findings are the aggregates' sorted list (nothing reads their order but that sort): a copy joined
  // in namespace order as well was another array of up to 50,000 findings for each of 40 re-run checks.
  evaluated.findings = aggregatesOf(evaluated).sorted;
  evaluated.result = withNotAssessed({ ...prev.result, findings: evaluated.findings.length }, unjudged);
  return { evaluated, reads, byNamespace, joined };
}

/**
 * The slices of `next` joined, given `prev`'s joined (`from`), in which each slice's items lie
 * together: `next` is `prev` with the `changed` namespaces' slices replaced or removed (cut where
 * they lay, found by their first item) or added (at the end). Neither 2,000 namespaces' slices
 * joined again nor walked to find where the changed ones lie.
 */
function joinSlices(prev: ReadonlyMap<string, Slice>, next: ReadonlyMap<string, Slice>, changed: readonly string[], from: Joined): Joined {
  const cut = <K extends keyof Joined>(part: K): Joined[K] | null => {
    const all = from[part] as readonly unknown[];
    const cuts: { at: number; length: number; now: readonly unknown[] }[] = [];
    const added: (readonly unknown[])[] = [];
    for (const ns of changed) {
      const old = (prev.get(ns)?.[part] ?? []) as readonly unknown[];
      const now = (next.get(ns)?.[part] ?? []) as readonly unknown[];
      if (old.length === 0) {
        if (now.length > 0) added.push(now);
        continue;
      }
      // Most watched changes modify an object: the namespace examines the same objects as before.
      if (part === 'scope' && now.length === old.length && now.every((k, i) => k === old[i])) continue;
      const at = all.indexOf(old[0]);
      if (at < 0 || all[at + old.length - 1] !== old[old.length - 1]) return null;
      cuts.push({ at, length: old.length, now });
    }
    if (cuts.length === 0 && added.length === 0) return from[part];
    cuts.sort((x, y) => x.at - y.at);
    const pieces: (readonly unknown[])[] = [];
    let i = 0;
    for (const c of cuts) {
      pieces.push(all.slice(i, c.at), c.now);
      i = c.at + c.length;
    }
    pieces.push(all.slice(i), ...added);
    return ([] as unknown[]).concat(...pieces) as Joined[K];
  };
  const [scope, unjudged] = [cut('scope'), cut('unjudged')];
  // Not where a slice should lie (never seen): joined again, in the slices' order.
  return scope && unjudged ? { scope, unjudged } : joinAll(next);
}

/** A namespace-split check's examined and unjudged objects joined in their slices' order. */
function joinAll(byNamespace: ReadonlyMap<string, Slice>): Joined {
  const out: Joined = { scope: [], unjudged: [] };
  for (const s of byNamespace.values()) {
    for (const k of s.scope) out.scope.push(k);
    for (const o of s.unjudged) out.unjudged.push(o);
  }
  return out;
}

/**
 * The check re-run on the bindings a change reached (scope 'binding', incremental-bindings.ts):
 * their findings and examined objects replace the old ones; null when the view's result names
 * anything else (then it runs whole).
 */
function rerunBindings(state: CheckState, bindings: Set<string>, view: Inventory): CheckState | null {
  const reads = new Set(state.reads);
  const e = recordReads(reads, () => runCheck(state.evaluated.check, view));
  if (!e.result.assessed) return null;
  const mine = (key: string) => bindings.has(key);
  if (!e.findings.every((f) => mine(refKey(f.resource))) || !(e.scope ?? []).every(mine)) return null;
  if (!(e.result.notAssessedFor ?? []).every((o) => mine(refKey(o.resource)))) return null;
  const prev = state.evaluated;
  const findings = [...prev.findings.filter((f) => !mine(refKey(f.resource))), ...e.findings];
  let scope = prev.scope;
  if (scope && e.scope) {
    const before = examinedAmong(scope, bindings);
    // Most changes (what runs as a ServiceAccount) leave the examined bindings as they were: keep the list, and its aggregates.
    // Only which keys it holds counts (the examined per namespace, how many), not their order.
    if (before.size !== e.scope.length || !e.scope.every((k) => before.has(k))) scope = replaceExamined(scope, bindings, e.scope);
  }
  const unjudged = [...(prev.result.notAssessedFor ?? []).filter((o) => !mine(refKey(o.resource))), ...(e.result.notAssessedFor ?? [])];
  const evaluated: Evaluated = { check: prev.check, result: withNotAssessed({ ...prev.result, findings: findings.length }, unjudged), findings, scope };
  carryObjectAggregates(prev, evaluated, bindings, e.findings);
  return { evaluated, reads, byNamespace: null };
}

/**
 * The inventory as one namespace sees it: its objects and Namespace object, every cluster-scoped
 * kind, and the namespaced kinds in `whole` (Check.wholeKinds) from every namespace.
 */
export function namespaceView(inv: Inventory, ns: string, whole: readonly string[] = []): Inventory {
  const objects = { ...inv.objects };
  for (const def of RESOURCES) {
    if (whole.includes(def.key)) continue;
    if (def.namespaced) objects[def.key] = objectsInNamespace(inv.objects[def.key], ns);
    else if (def.key === 'namespaces') objects[def.key] = inv.objects[def.key].filter((o) => o.metadata.name === ns);
  }
  return {
    ...inv,
    objects,
    workloads: workloadsInNamespace(inv.workloads, ns),
    implicitNamespaces: inv.implicitNamespaces.filter((n) => n === ns),
  };
}

/** The inventory, noting every read (read-tracking.ts) while a check runs on it. */
function recording(inv: Inventory): Inventory {
  const objects = new Proxy(inv.objects, {
    get(target, p, receiver) {
      if (typeof p === 'string') noteRead(`objects.${p}`);
      return Reflect.get(target, p, receiver);
    },
    ownKeys(target) {
      noteRead('objects.*');
      return Reflect.ownKeys(target);
    },
    has(target, p) {
      if (typeof p === 'string') noteRead(`objects.${p}`);
      return Reflect.has(target, p);
    },
  });
  return new Proxy(inv, {
    get(target, p, receiver) {
      if (p === 'objects') return objects;
      if (typeof p === 'string') noteRead(p);
      return Reflect.get(target, p, receiver);
    },
    ownKeys(target) {
      noteRead('*');
      return Reflect.ownKeys(target);
    },
  });
}
