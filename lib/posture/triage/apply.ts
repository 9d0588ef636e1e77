// The triage step, run by the engine after the checks (full and incremental alike): marks each
// finding expected (catalogue) or accepted (annotation or stored exception), notes expired
// exceptions, and names the owner. Pure: the clock and the exceptions are given.
import type { Touched } from '../../cluster/apply-change';
import type { Inventory } from '../../cluster/inventory';
import { derivationOf, findingsInNamespace } from '../check-aggregates';
import type { Evaluated } from '../engine';
import type { Finding, FindingAcceptance, ResourceRef } from '../types';
import { ACCEPT_ANNOTATION, hasExpired, parseAcceptAnnotation, type AcceptAnnotation } from './accept-annotation';
import { candidateOf, matchComponent } from './catalogue';
import { exceptionCovers, type PostureException } from './exceptions';
import malformedCheck from './malformed-accept-check';
import { objectOf, stringMap, workloadOf } from './object-index';
import { DEFAULT_OWNER_KEYS, resourceOwner } from './owners';
import { RESOURCES } from '../../cluster/inventory';
import { objectsInNamespace } from '../../cluster/namespace-runs';
import type { K8sObject } from '../../cluster/types';

export interface TriageOptions {
  /** The expected-by-design catalogue; on unless false (POSTURE_EXPECTED_CATALOGUE=off, scan --no-expected). */
  catalogue?: boolean;
  exceptions?: readonly PostureException[];
  ownerKeys?: readonly string[];
}

export interface Triaged {
  /** Each check with only its open findings: what scores and counts use. */
  scoring: Evaluated[];
  /** Each check with all its findings, as the document lists them (malformed annotations included). */
  documented: Evaluated[];
  /** Replaces a finding with its marked copy in the document; identity when nothing applies. */
  decorate: (f: Finding) => Finding;
  /** Whether anything here depends on the clock (an exception or annotation), so no summary may be reused. */
  timeDependent: boolean;
  /** The carry this triage made (TriageSession.next), and the one it was carried from, if any. */
  carry?: TriageCarry;
  previousCarry?: TriageCarry;
  /**
   * The namespaces ('' for cluster-scoped objects) where a result's findings may be marked
   * otherwise than in the previous document, as that result or the one it was re-run from;
   * null when it cannot tell (nothing carried, or neither result was triaged last time).
   */
  remarked(e: Evaluated): ReadonlySet<string> | null;
}

/**
 * What one triage worked out, for the next one after a watched change (lib/posture/incremental.ts):
 * a finding's marks depend only on its object, that object's workload and namespace, the
 * options and (with exceptions or annotations) the clock, so outside the changed namespaces
 * they stand. Without it every update marked all 50,000 findings again.
 */
export interface TriageCarry {
  opts: TriageOptions | undefined;
  /** Per namespace ('' for cluster-scoped objects): each finding's marks and its copy in the document. */
  byNamespace: Map<string, NamespaceMarks>;
  /** Per check result: its open findings, and the others (expected or accepted). */
  scoring: WeakMap<Evaluated, CheckTriage>;
  /** The object lists whose accept annotations this triage read, by kind (the next one reads only the changed namespaces of a list that had none). */
  annotated?: ReadonlyMap<string, readonly K8sObject[]>;
}

interface CheckTriage {
  open: Evaluated;
  triaged: ReadonlySet<Finding>;
}

type EntryOf = (f: Finding, ns: string) => { marks: Marks; decorated: Finding };

/** Every finding of a result marked. */
function markAll(e: Evaluated, entryOf: EntryOf): CheckTriage {
  const triaged = new Set<Finding>();
  for (const f of e.findings) if (entryOf(f, namespaceOf(f.resource)).marks.triaged) triaged.add(f);
  return { open: openOf(e, triaged), triaged };
}

/**
 * A result's triage from the last one's, marking again only its findings in the namespaces the
 * change made dirty or its check re-ran on (check-aggregates.ts): the result itself or the one
 * it was re-run from must have been triaged last time. Null when neither was.
 */
function carriedScoring(e: Evaluated, dirty: ReadonlySet<string>, previous: TriageCarry['scoring'], entryOf: EntryOf): CheckTriage | null {
  const same = previous.get(e);
  const derived = same ? undefined : derivationOf(e);
  const base = same ?? (derived && previous.get(derived.from));
  if (!base) return null;
  const redo = derived ? new Set([...dirty, ...derived.namespaces]) : dirty;
  let triaged = base.triaged;
  if (triaged.size) {
    const kept = [...triaged].filter((f) => !redo.has(namespaceOf(f.resource)));
    if (kept.length < triaged.size) triaged = new Set(kept);
  }
  for (const ns of redo) {
    for (const f of findingsInNamespace(e, ns)) {
      if (!entryOf(f, ns).marks.triaged) continue;
      if (triaged === base.triaged) triaged = new Set(triaged);
      (triaged as Set<Finding>).add(f);
    }
  }
  if (same && triaged === base.triaged) return base;
  return { open: openOf(e, triaged), triaged };
}

/** The result with only its open findings (itself when all are). */
function openOf(e: Evaluated, triaged: ReadonlySet<Finding>): Evaluated {
  if (triaged.size === 0) return e;
  const opened = e.findings.filter((f) => !triaged.has(f));
  return { ...e, findings: opened, result: { ...e.result, findings: opened.length, triaged: e.findings.length - opened.length } };
}

interface NamespaceMarks {
  /** By object key, then check (a re-run check's findings are new objects with the same marks). */
  marks: Map<string, Map<string, Marks>>;
  /** Each finding's copy in the document. */
  decorated: WeakMap<Finding, { marks: Marks; decorated: Finding }>;
}

/** `previous` is valid for the inventory before the change `touched` describes. */
export interface TriageSession {
  previous?: TriageCarry;
  touched?: Touched;
  /** Set by triage: the carry for the next change. */
  next?: TriageCarry;
}

const NAMESPACED_KINDS = new Set(RESOURCES.filter((r) => r.namespaced).map((r) => r.key as string));

/** The previous carry without what the change may have made stale (`dirty`); a fresh one when none can be kept. */
function carried(
  session: TriageSession | undefined,
  opts: TriageOptions | undefined,
  timeDependent: boolean,
): { carry: TriageCarry; dirty: Set<string> | null } {
  const carry: TriageCarry = { opts, byNamespace: new Map(), scoring: new WeakMap() };
  const prev = session?.previous;
  const touched = session?.touched;
  // The clock moves between updates: marks that read it are not kept.
  if (!prev || !touched || prev.opts !== opts || timeDependent) return { carry, dirty: null };
  const dirty = new Set(touched.namespaces);
  if ([...touched.kinds].some((k) => !NAMESPACED_KINDS.has(k) && k !== 'namespaces')) dirty.add('');
  for (const [ns, m] of prev.byNamespace) if (!dirty.has(ns)) carry.byNamespace.set(ns, m);
  return { carry, dirty };
}

export function triage(inv: Inventory, evaluated: Evaluated[], now: Date, options?: TriageOptions, session?: TriageSession): Triaged {
  const opts = options ?? {};
  const exceptions = opts.exceptions ?? [];
  const ownerKeys = opts.ownerKeys ?? DEFAULT_OWNER_KEYS;
  const annotated = new Map<string, readonly K8sObject[]>();
  const annotations = acceptAnnotations(inv, annotated, session);
  const timeDependent = exceptions.length > 0 || annotations.count > 0;
  const { carry, dirty } = carried(session, options, timeDependent);
  carry.annotated = annotated;
  if (session) session.next = carry;
  // What depends only on the object (owner, component, labels) is worked out once per object.
  const objects = new Map<string, ObjectFacts>();
  // Most findings share their ref with the check's other findings of the object (workloadRef): found by identity first.
  const byRef = new WeakMap<ResourceRef, ObjectFacts>();
  const factsOf = (r: ResourceRef): ObjectFacts => {
    let f = byRef.get(r);
    if (f) return f;
    const key = refKeyOf(r);
    f = objects.get(key);
    if (!f) objects.set(key, (f = objectFacts(inv, r, key, opts.catalogue !== false, ownerKeys, annotations.valid, exceptions.length > 0)));
    byRef.set(r, f);
    return f;
  };
  // Findings come in runs of one namespace (a check's in inventory order, the document's sorted):
  // the last namespace's marks are kept at hand rather than looked up for each of 50,000.
  let lastNs: string | undefined;
  let lastPerNs: NamespaceMarks | undefined;
  const entryOf = (f: Finding, ns = namespaceOf(f.resource)): { marks: Marks; decorated: Finding } => {
    let perNs = ns === lastNs ? lastPerNs : carry.byNamespace.get(ns);
    if (!perNs) carry.byNamespace.set(ns, (perNs = { marks: new Map(), decorated: new WeakMap() }));
    lastNs = ns;
    lastPerNs = perNs;
    let entry = perNs.decorated.get(f);
    if (!entry) {
      const facts = factsOf(f.resource);
      let byCheck = perNs.marks.get(facts.key);
      if (!byCheck) perNs.marks.set(facts.key, (byCheck = new Map()));
      let m = byCheck.get(f.checkId);
      if (!m) byCheck.set(f.checkId, (m = marks(facts, f.checkId, f.resource, now, exceptions)));
      perNs.decorated.set(f, (entry = { marks: m, decorated: decorated(f, m) }));
    }
    return entry;
  };
  const scoring = evaluated.map((e) => {
    const carried = dirty && carriedScoring(e, dirty, session!.previous!.scoring, entryOf);
    const t = carried || markAll(e, entryOf);
    carry.scoring.set(e, t);
    return t.open;
  });
  const documented = [...evaluated];
  if (annotations.malformed.length) {
    const m = malformedEvaluated(annotations.malformed);
    scoring.push(m);
    documented.push(m);
  }
  const decorate = (f: Finding): Finding => entryOf(f).decorated;
  const previousCarry = dirty ? session!.previous : undefined;
  const remarked = (e: Evaluated): ReadonlySet<string> | null => {
    if (!dirty || !previousCarry) return null;
    if (previousCarry.scoring.has(e)) return dirty;
    const d = derivationOf(e);
    return d && previousCarry.scoring.has(d.from) ? new Set([...dirty, ...d.namespaces]) : null;
  };
  return { scoring, documented, decorate, timeDependent, carry: session?.next, previousCarry, remarked };
}

function decorated(f: Finding, m: Marks): Finding {
  if (!m.expected && !m.accepted && !m.expiredException && !m.owner) return f;
  const out = { ...f };
  if (m.owner) out.owner = m.owner;
  if (m.expected) out.expected = m.expected;
  if (m.accepted) out.accepted = m.accepted;
  if (m.expiredException) out.expiredException = m.expiredException;
  return out;
}

/** The namespace whose change can change a finding's marks: its object's, or itself for a Namespace; '' when cluster-scoped. */
function namespaceOf(r: ResourceRef): string {
  return r.kind === 'Namespace' ? r.name : (r.namespace ?? '');
}

interface Marks {
  triaged: boolean;
  expected?: Finding['expected'];
  accepted?: FindingAcceptance;
  expiredException?: FindingAcceptance;
  owner?: string;
}

interface ObjectFacts {
  /** The object's key (kind/namespace/name). */
  key: string;
  owner?: string;
  component: ReturnType<typeof matchComponent>;
  annotation?: AcceptAnnotation;
  /** Only when some stored exception could use them. */
  labels: Record<string, string>;
}

function objectFacts(
  inv: Inventory,
  r: ResourceRef,
  key: string,
  useCatalogue: boolean,
  ownerKeys: readonly string[],
  annotations: Map<string, AcceptAnnotation>,
  needLabels: boolean,
): ObjectFacts {
  const w = useCatalogue ? workloadOf(inv, r) : undefined;
  return {
    key,
    owner: resourceOwner(inv, r, ownerKeys),
    component: w ? matchComponent(candidateOf(w, w.kind === 'Pod' ? podOwnerKind(inv, r) : undefined)) : null,
    annotation: annotations.get(key),
    labels: needLabels ? labelsOf(inv, r) : {},
  };
}

function marks(facts: ObjectFacts, checkId: string, r: ResourceRef, now: Date, exceptions: readonly PostureException[]): Marks {
  const out: Marks = { triaged: false, owner: facts.owner };
  const component = facts.component;
  if (component?.expectedChecks.includes(checkId)) out.expected = { reason: component.reason, source: component.source, component: component.name };
  const ann = facts.annotation;
  if (!ann && exceptions.length === 0) {
    out.triaged = Boolean(out.expected);
    return out;
  }
  const candidates: FindingAcceptance[] = [];
  if (ann?.checks.includes(checkId)) candidates.push({ by: 'annotation', reason: ann.reason, owner: ann.owner, expires: ann.expires, source: 'annotation' });
  for (const e of exceptions) {
    if (exceptionCovers(e, checkId, r, facts.labels))
      candidates.push({ by: e.createdBy, reason: e.reason, owner: e.owner, expires: e.expires, source: 'store', id: e.id });
  }
  // The live exception that lasts longest wins; with none live, the one that expired last is noted.
  const live = candidates.filter((c) => !hasExpired(c.expires, now)).sort((a, b) => b.expires.localeCompare(a.expires));
  if (live[0]) out.accepted = live[0];
  else if (candidates.length) out.expiredException = [...candidates].sort((a, b) => b.expires.localeCompare(a.expires))[0];
  out.triaged = Boolean(out.expected || out.accepted);
  return out;
}

function labelsOf(inv: Inventory, r: ResourceRef): Record<string, string> {
  const o = objectOf(inv, r);
  const w = workloadOf(inv, r);
  return { ...(w?.podLabels ?? {}), ...stringMap(o?.metadata.labels) };
}

/** A bare pod's controller kind: Node for a static (mirror) pod. */
function podOwnerKind(inv: Inventory, r: ResourceRef): string | undefined {
  const refs = objectOf(inv, r)?.metadata.ownerReferences;
  if (!Array.isArray(refs)) return undefined;
  const owner = refs.find((o) => o?.controller) ?? refs[0];
  return typeof owner?.kind === 'string' ? owner.kind : undefined;
}

function refKeyOf(r: { kind: string; namespace: string | null; name: string }): string {
  return `${r.kind}/${r.namespace ?? ''}/${r.name}`;
}

interface Annotations {
  valid: Map<string, AcceptAnnotation>;
  malformed: { resource: ResourceRef; error: string }[];
  count: number;
}

const annotationsByList = new WeakMap<readonly unknown[], Annotations>();
const NONE: Annotations = { valid: new Map(), malformed: [], count: 0 };

/**
 * Every object's accept annotation, parsed; per object list, kept while the list is unchanged. A
 * namespaced list a watched change replaced, whose last version had none, is read only in the
 * changed namespaces: reading all 50,000 pods' annotations after each pod change was a fifth of it.
 */
function acceptAnnotations(inv: Inventory, read: Map<string, readonly K8sObject[]>, session: TriageSession | undefined): Annotations {
  const all: Annotations = { valid: new Map(), malformed: [], count: 0 };
  for (const def of RESOURCES) {
    const list = inv.objects[def.key] ?? [];
    read.set(def.key, list);
    let a = annotationsByList.get(list);
    if (!a) {
      const touched = session?.touched?.namespaces;
      const last = touched && session.previous?.annotated?.get(def.key);
      // Only the changed namespaces' objects can have gained one.
      const onlyThere = def.namespaced && last !== undefined && annotationsByList.get(last) === NONE;
      if (onlyThere && annotationsOf([...touched!].flatMap((ns) => objectsInNamespace(list, ns)), def.kind) === NONE) a = NONE;
      else a = annotationsOf(list, def.kind);
      annotationsByList.set(list, a);
    }
    for (const [k, v] of a.valid) all.valid.set(k, v);
    all.malformed.push(...a.malformed);
    all.count += a.count;
  }
  return all;
}

function annotationsOf(list: readonly K8sObject[], kind: string): Annotations {
  const a: Annotations = { valid: new Map(), malformed: [], count: 0 };
  for (const o of list) {
    const value = stringMap(o.metadata?.annotations)[ACCEPT_ANNOTATION];
    if (value === undefined) continue;
    a.count++;
    const resource: ResourceRef = { kind: o.kind ?? kind, namespace: o.metadata.namespace ?? null, name: o.metadata.name };
    const parsed = typeof value === 'string' ? parseAcceptAnnotation(value) : { error: 'not a string' };
    if ('error' in parsed) a.malformed.push({ resource, error: parsed.error });
    else a.valid.set(refKeyOf(resource), parsed);
  }
  return a.count === 0 ? NONE : a;
}

function malformedEvaluated(list: { resource: ResourceRef; error: string }[]): Evaluated {
  const c = malformedCheck;
  const findings: Finding[] = list.map(({ resource, error }) => ({
    checkId: c.id,
    area: c.area,
    severity: c.severity,
    title: c.title,
    message: `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}: ${ACCEPT_ANNOTATION} is malformed (${error}); it accepts nothing.`,
    remediation: c.remediation,
    resource,
  }));
  return {
    check: c,
    result: { id: c.id, area: c.area, severity: c.severity, title: c.title, assessed: true, findings: findings.length },
    findings,
    scope: findings.map((f) => refKeyOf(f.resource)),
  };
}
