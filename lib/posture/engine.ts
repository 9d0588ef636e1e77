// Inventory -> posture document. Pure: no I/O, no clock unless given one.
import type { Inventory, ResourceKey } from '../cluster/inventory';
import type { K8sObject } from '../cluster/types';
import { AREAS } from './areas';
import { analyseAttackPaths, type AttackAnalysis } from './attack-paths';
import { isNotAssessed, type Check, type ObjectNotAssessed, type RawFinding } from './check';
import { detectCoverage } from './coverage/detect';
import { aggregatesOf, knownAggregates, type CheckAggregates } from './check-aggregates';
import { refKey } from './object-keys';
import { documentFindings } from './document-findings';
import { bounded } from './message';
import { namespaceDefaultDeny, namespaceObjects, namespacePodSecurity } from './namespace-summary';
import { ALL_CHECKS } from './registry';
import { areaScore, clusterScore, countBySeverity, emptyCounts, passRatio, severityRank, type ScoredCheck } from './scoring';
import { triage, type TriageOptions, type TriageSession } from './triage/apply';
import { DEFAULT_OWNER_KEYS, namespaceOwner } from './triage/owners';
import { markSorted } from './sorted-findings';
import {
  isOpen,
  SCHEMA_VERSION,
  SEVERITIES,
  type AreaSummary,
  type CheckResult,
  type Finding,
  type NamespaceSummary,
  type PostureDocument,
  type ResourceRef,
  type SeverityCounts,
} from './types';

export interface Evaluated {
  check: Check;
  result: CheckResult;
  findings: Finding[];
  /** Keys of the objects the check examined, when it says (see Check.examines). */
  scope: string[] | null;
}

export interface PostureOptions {
  now?: Date;
  checks?: readonly Check[];
  /** Expected (catalogue), accepted (exceptions) and owners: lib/posture/triage/apply.ts. */
  triage?: TriageOptions;
  /** false: leave attack paths out (tests of the checks alone). */
  attackPaths?: false;
}

export function computePosture(inv: Inventory, opts: PostureOptions = {}): PostureDocument {
  return assemblePosture(
    inv,
    (opts.checks ?? ALL_CHECKS).map((c) => runCheck(c, inv)),
    opts.now,
    undefined,
    undefined,
    opts.triage,
    opts.attackPaths,
  );
}

/** The document from checks already run; lib/posture/incremental.ts re-runs only some of them. */
/**
 * `reuse`: the previous document's namespace summaries, valid for every namespace but `stale`
 * (lib/posture/incremental.ts passes it when no check changed outside the changed namespaces).
 */
export interface NamespaceReuse {
  previous: readonly NamespaceSummary[];
  stale: ReadonlySet<string>;
}

export function assemblePosture(
  inv: Inventory,
  all: Evaluated[],
  now?: Date,
  coverage = detectCoverage(inv),
  reuse?: NamespaceReuse,
  triageOptions?: TriageOptions,
  /**
   * false: leave attack paths out (tests of the checks alone). An analysis: use it rather than
   * analysing `inv` (lib/posture/incremental.ts passes one it knows is current, or says which
   * version it is of).
   */
  attackPaths?: false | AttackAnalysis,
  /** The last triage's results, kept where a change left them valid (lib/posture/triage/apply.ts). */
  triageSession?: TriageSession,
): PostureDocument {
  const at = now ?? new Date();
  // Scores and counts see only open findings; the document lists every finding, marked.
  const triaged = triage(inv, all, at, triageOptions, triageSession);
  const evaluated = triaged.scoring;
  // Attack paths are a whole-cluster analysis, recomputed from the inventory each time (the
  // incremental path too); by-design and accepted findings still count as steps.
  const attack = attackPaths === false ? null : (attackPaths ?? analyseAttackPaths(inv));
  const findings = documentFindings(triaged.documented, triaged, attack ? attack.throughObject : null);
  const ownerKeys = triageOptions?.ownerKeys ?? DEFAULT_OWNER_KEYS;
  if (triaged.timeDependent) reuse = undefined; // an exception may have expired anywhere since

  const openByArea = openCountsByArea(evaluated.slice(0, all.length), triaged.documented.slice(all.length), triaged.decorate);
  const areas: AreaSummary[] = AREAS.map((meta) => {
    const mine = evaluated.filter((e) => e.check.area === meta.id);
    const counts = openByArea.get(meta.id) ?? emptyCounts();
    return {
      id: meta.id,
      kind: meta.kind,
      title: meta.title,
      score: areaScore(mine.map(scoreOverall), counts),
      counts,
      coverage: meta.kind === 'uncovered' ? (coverage[meta.id] ?? { status: 'not-covered', tools: [] }) : null,
      checks: {
        total: mine.length,
        passed: mine.filter((e) => e.result.assessed && e.findings.length === 0).length,
        failed: mine.filter((e) => e.findings.length > 0).length,
        notAssessed: mine.filter((e) => !e.result.assessed).length,
      },
    };
  });

  return {
    schemaVersion: SCHEMA_VERSION,
    generatedAt: at.toISOString(),
    cluster: { ...inv.cluster },
    score: clusterScore(areas.map((a) => a.score)),
    areas,
    namespaces: summariseNamespaces(inv, evaluated, reuse, ownerKeys),
    findings,
    checks: evaluated.map((e) => e.result),
    // Sorted: a live read fills `missing` in the order its lists finish, which must not change the document.
    missingKinds: Object.entries(inv.missing)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([resource, m]) => ({ resource, reason: m!.reason, detail: m!.detail })),
    ...(attack ? { attackPaths: attack.summary } : {}),
  };
}

/**
 * Open findings counted by area and severity: each check's open findings (triage's scoring) counted
 * once per result, which the incremental path mostly reuses, rather than all 50,000 findings after
 * every change. Triage's own findings (`extra`, malformed annotations) are counted as the document marks them.
 */
function openCountsByArea(open: readonly Evaluated[], extra: readonly Evaluated[], decorate: (f: Finding) => Finding): Map<string, SeverityCounts> {
  const out = new Map<string, SeverityCounts>();
  const add = (area: string, c: SeverityCounts) => {
    let sum = out.get(area);
    if (!sum) out.set(area, (sum = emptyCounts()));
    for (const s of SEVERITIES) sum[s] += c[s];
  };
  for (const e of open) {
    let c = openCounts.get(e);
    // A result with nothing triaged is its own open part: its aggregates (carried after a change) have the counts.
    if (!c) openCounts.set(e, (c = knownAggregates(e)?.counts ?? countBySeverity(e.findings)));
    add(e.check.area, c);
  }
  for (const e of extra) add(e.check.area, countBySeverity(e.findings.map(decorate).filter(isOpen)));
  return out;
}

const openCounts = new WeakMap<Evaluated, SeverityCounts>();

/** Findings whose object lies on attack paths, copied with the count (findings are shared with cached check results). */
function withPaths(findings: Finding[], through: Map<string, number>): Finding[] {
  if (through.size === 0) return findings;
  // Per analysis, each finding's copy: a watched change keeps most findings and (deferred) the analysis.
  let copies = pathCopies.get(through);
  if (!copies) pathCopies.set(through, (copies = new WeakMap()));
  return findings.map((f) => {
    let c = copies.get(f);
    if (!c) {
      const n = through.get(refKey(f.resource));
      copies.set(f, (c = n ? { ...f, paths: n } : f));
    }
    return c;
  });
}

const pathCopies = new WeakMap<Map<string, number>, WeakMap<Finding, Finding>>();

/** The document with another attack analysis: its summary, and each finding's count of paths through its object. */
export function withAttackAnalysis(doc: PostureDocument, attack: AttackAnalysis): PostureDocument {
  const { attackPathsAsOf: _stale, attackPaths: _old, ...rest } = doc;
  const findings = doc.findings.map((f) => {
    if (f.paths === undefined) return f;
    const { paths: _p, ...bare } = f;
    return bare;
  });
  return { ...rest, findings: markSorted(withPaths(findings, attack.throughObject)), attackPaths: attack.summary };
}

export function runCheck(check: Check, inv: Inventory): Evaluated {
  const range = check.severityRange && { severityRange: [...check.severityRange] as CheckResult['severityRange'] };
  const base = { id: check.id, area: check.area, severity: check.severity, ...range, title: check.title };
  const missingNeed = check.needs.find((k: ResourceKey) => inv.missing[k]);
  if (missingNeed) return notRun(check, base, inv.missing[missingNeed]!.detail);
  let outcome;
  try {
    outcome = check.evaluate(inv);
  } catch (e) {
    // A check that breaks must never read as a pass.
    return notRun(check, base, `the check failed on this input: ${(e as Error).message}`);
  }
  if (isNotAssessed(outcome)) return notRun(check, base, outcome.notAssessed);
  const findings: Finding[] = outcome.map((f) => {
    const { message, names } = bounded(f.message, f.names);
    // Fields set in the document's order, without a spread object per optional field (50,000 findings).
    const out = { checkId: check.id, area: check.area, severity: f.severity ?? check.severity, title: check.title, message } as Finding;
    if (names) out.names = names;
    remediationOf(f, check, out);
    out.resource = f.resource;
    return out;
  });
  const scope = check.examines ? scopeOf(check.examines(inv)) : null;
  const unjudged = check.notAssessedFor?.(inv) ?? [];
  return { check, result: withNotAssessed({ ...base, assessed: true, findings: findings.length }, unjudged), findings, scope };
}

/** The finding's own fix when it has one (bounded like a message), else the check's advice; set on `out`. */
function remediationOf(f: RawFinding, check: Check, out: Pick<Finding, 'remediation' | 'remediationNames'>): void {
  if (f.remediation === undefined) out.remediation = check.remediation;
  else if (!f.remediationNames) out.remediation = f.remediation;
  else {
    const { message, names } = bounded(f.remediation, f.remediationNames);
    out.remediation = message;
    out.remediationNames = names ?? [];
  }
}

// Keys of a list of examined objects, once per list: ~30 checks examine the same list of every
// workload (everyWorkloadRef). Shared between results, so never changed in place.
const scopes = new WeakMap<readonly ResourceRef[], string[]>();

function scopeOf(examined: readonly ResourceRef[]): string[] {
  let keys = scopes.get(examined);
  if (!keys) scopes.set(examined, (keys = [...new Set(examined.map(refKey))]));
  return keys;
}

/** The result listing the objects not assessed, in one order whichever way they were gathered (incremental.ts). */
export function withNotAssessed(result: CheckResult, list: readonly ObjectNotAssessed[]): CheckResult {
  const { notAssessedFor: _old, ...rest } = result;
  if (list.length === 0) return rest;
  const sorted = [...list].sort((a, b) => collate(refKey(a.resource), refKey(b.resource)) || collate(a.reason, b.reason));
  return { ...rest, notAssessedFor: sorted.map((o) => ({ resource: o.resource, reason: bounded(o.reason).message })) };
}

export { MAX_MESSAGE_CHARS } from './message';

function notRun(check: Check, base: Omit<CheckResult, 'assessed' | 'findings'>, reason: string): Evaluated {
  return { check, result: { ...base, assessed: false, reason, findings: 0 }, findings: [], scope: null };
}

/** How a check scores over all the objects it examined, from its aggregates (kept with unchanged checks' results). */
function scoreOverall(e: Evaluated): ScoredCheck {
  const { failingCount } = aggregatesOf(e);
  if (!e.scope) return { severity: e.check.severity, assessed: e.result.assessed, passRatio: failingCount > 0 ? 0 : 1 };
  return { severity: e.check.severity, assessed: e.result.assessed, passRatio: passRatio(failingCount, e.scope.length) };
}

/**
 * A namespace's score: every assessed check that examined something in the namespace (or
 * found something there), over that namespace's share of the objects.
 */
function summariseNamespaces(inv: Inventory, evaluated: Evaluated[], reuse: NamespaceReuse | undefined, ownerKeys: readonly string[]): NamespaceSummary[] {
  // Each check's findings and examined objects are grouped by namespace once (aggregatesOf):
  // a namespace-by-namespace scan of every finding would be quadratic on large clusters.
  const perCheck = evaluated.map((e) => ({ e, ...aggregatesOf(e) }));
  const previous = reuse ? new Map(reuse.previous.map((n) => [n.name, n])) : null;
  const objects = namespaceObjects(inv);
  const podSecurity = namespacePodSecurity(inv);
  const defaultDeny = namespaceDefaultDeny(inv);

  // Each check's scores and counts are spread over the namespaces to summarise, check by check (so
  // each namespace's scores stay in check order), rather than looked up per namespace and check.
  const sorted = namespaceNames(inv, perCheck, reuse);
  const fresh = new Map<string, { scored: ScoredCheck[]; counts: SeverityCounts }>();
  for (const name of sorted) if (reuse?.stale.has(name) || !previous?.has(name)) fresh.set(name, { scored: [], counts: emptyCounts() });
  for (const { e, examined, failing, findingsByNs } of perCheck) {
    eachShared(findingsByNs, fresh, (found, sum) => {
      for (const f of found) sum.counts[f.severity]++;
    });
    if (!e.result.assessed) continue;
    const severity = e.check.severity;
    if (examined) {
      eachShared(examined, fresh, (inScope, sum, name) => {
        if (inScope > 0) sum.scored.push({ severity, assessed: true, passRatio: passRatio(failing.get(name)?.length ?? 0, inScope) });
      });
    } else {
      eachShared(failing, fresh, (failed, sum) => {
        if (failed.length > 0) sum.scored.push({ severity, assessed: true, passRatio: 0 });
      });
    }
  }

  return sorted.map((name) => {
    const sum = fresh.get(name);
    if (!sum) return previous!.get(name)!;
    const { scored, counts } = sum;
    const owner = namespaceOwner(inv, name, ownerKeys);
    return {
      name,
      ...(owner && { owner }),
      score: areaScore(scored, counts) ?? 100,
      counts,
      podSecurity: podSecurity(name),
      objects: objects(name),
      defaultDeny: defaultDeny(name),
    };
  });
}

/**
 * Every namespace with an object, a workload or a finding, sorted. With `reuse`, the last
 * document's less the stale ones, and those of them that still have any: only there can a
 * change have added or removed one (every check's namespaces were walked on each change).
 */
function namespaceNames(inv: Inventory, perCheck: readonly CheckAggregates[], reuse: NamespaceReuse | undefined): string[] {
  if (reuse) {
    const objects = namespaceObjectNames(inv.objects.namespaces);
    const names = reuse.previous.map((n) => n.name).filter((n) => !reuse.stale.has(n));
    for (const s of reuse.stale) {
      if (objects.has(s) || inv.implicitNamespaces.includes(s) || perCheck.some((c) => c.findingsByNs.has(s))) names.push(s);
    }
    return names.sort();
  }
  const names = new Set([...inv.objects.namespaces.map((n) => n.metadata.name), ...inv.implicitNamespaces]);
  for (const { findingsByNs } of perCheck) for (const ns of findingsByNs.keys()) names.add(ns);
  return [...names].sort();
}

const objectNames = new WeakMap<readonly K8sObject[], Set<string>>();

function namespaceObjectNames(list: readonly K8sObject[]): Set<string> {
  let s = objectNames.get(list);
  if (!s) objectNames.set(list, (s = new Set(list.map((n) => n.metadata.name))));
  return s;
}

/** `f` on each namespace both maps hold, walking the smaller (a change summarises a namespace or two). */
function eachShared<V, A>(m: ReadonlyMap<string, V>, wanted: ReadonlyMap<string, A>, f: (v: V, a: A, ns: string) => void): void {
  if (m.size <= wanted.size) {
    for (const [ns, v] of m) {
      const a = wanted.get(ns);
      if (a !== undefined) f(v, a, ns);
    }
  } else {
    for (const [ns, a] of wanted) {
      const v = m.get(ns);
      if (v !== undefined) f(v, a, ns);
    }
  }
}


// localeCompare() with no locale, without building a collator on each call.
const collate = new Intl.Collator().compare;
