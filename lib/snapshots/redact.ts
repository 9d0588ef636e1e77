// Redaction for sharing outside the team. Every name the document holds becomes a stable
// pseudonym (namespace-1, deployment-3, subject-2, host-1, image-4, registry-1, cluster-1),
// taken from structure: references, namespace summaries, and the places Finding.names and
// CoverageTool.names mark inside sentences. Prose is never searched for names, so a
// namespace called "default" leaves "the default level" alone. A sentence whose names are not
// marked (older documents, checks writing plain strings) is replaced by a generic one, never
// shown. Scores, counts and check results are kept as they are.
import { namesFit, replaceNames } from '@/lib/posture/message';
import { TOOL_SIGNATURES } from '@/lib/posture/coverage/tools';
import type { AreaId, AttackPath, AttackPathsSummary, AttackStep, CheckResult, CoverageTool, Finding, NameAt, NamedValue, PostureDocument, ResourceRef } from '@/lib/posture/types';

export interface Redaction {
  document: PostureDocument;
  /** `role:value` -> pseudonym, for tests and for nothing else (never shipped with the document). */
  names: Map<string, string>;
}

/** Kubernetes' own identities and roles: the same in every cluster, so naming them reveals nothing. */
const BUILT_IN_SUBJECTS = new Set([
  'system:anonymous',
  'system:unauthenticated',
  'system:authenticated',
  'system:masters',
  'system:serviceaccounts',
  'system:nodes',
]);
const BUILT_IN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

export const WITHHELD_MESSAGE = 'The details of this finding name cluster objects and are not shown in a redacted share.';
export const WITHHELD_REMEDIATION = 'The fix names cluster objects and is not shown in a redacted share.';
export const WITHHELD_REASON = 'Not assessed; the reason names cluster objects and is not shown in a redacted share.';
export const WITHHELD_FIELD = 'a field of this object (its path names containers or volumes, not shown in a redacted share)';
export const WITHHELD_EVIDENCE = 'an object in the cluster (its name is not shown in a redacted share)';

export function redactDocument(doc: PostureDocument): Redaction {
  const p = new Pseudonyms();
  // Namespaces and references first, so pseudonyms follow the document's order.
  const clusterName = p.of({ role: 'cluster', value: doc.cluster.name });
  const namespaces = doc.namespaces.map((n) => ({
    ...n,
    name: p.of({ role: 'namespace', value: n.name }),
    // The version is the label's own text: kept only when it is a version.
    ...(n.podSecurity ? { podSecurity: { ...n.podSecurity, version: /^(latest|v1\.\d{1,3})$/.test(n.podSecurity.version) ? n.podSecurity.version : 'not a version' } } : {}),
  }));
  const findings = doc.findings.map((f) => redactFinding(f, p));
  const areas = doc.areas.map((a) => (a.coverage ? { ...a, coverage: { ...a.coverage, tools: a.coverage.tools.map((t) => redactTool(t, a.id, p)) } } : a));
  // Attack paths name objects no finding names (nodes, users, bindings): named before any reason is judged.
  const attackPaths = doc.attackPaths ? redactAttackPaths(doc.attackPaths, p) : undefined;
  const missingDetails = doc.missingKinds.map((m) => m.detail).filter((d) => d.length > 0);
  const document: PostureDocument = {
    ...doc,
    cluster: { ...doc.cluster, name: clusterName },
    areas,
    namespaces,
    findings,
    checks: doc.checks.map((c) => redactReason(c, missingDetails, p)),
    missingKinds: doc.missingKinds.map((m) => ({ ...m, detail: `${m.resource} could not be read (${m.reason}).` })),
    ...(attackPaths ? { attackPaths } : {}),
    ...(doc.view ? { view: { restrictedTo: doc.view.restrictedTo.map((n) => p.of({ role: 'namespace', value: n })) } } : {}),
  };
  return { document, names: p.map };
}

function redactFinding(f: Finding, p: Pseudonyms): Finding {
  const resource = redactRef(f.resource, p);
  const message =
    f.names && namesFit(f.message, f.names)
      ? replaceNames(f.message, f.names, (n) => p.of(n))
      : `${resource.kind} ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}: ${WITHHELD_MESSAGE}`;
  // A per-object fix names the object, its containers and volumes: swapped like the message's names.
  const remediation = !f.remediationNames
    ? f.remediation
    : namesFit(f.remediation, f.remediationNames)
      ? replaceNames(f.remediation, f.remediationNames, (n) => p.of(n))
      : WITHHELD_REMEDIATION;
  const { names: _names, remediationNames: _marks, ...rest } = f; // the marks hold the original names
  return { ...rest, message, remediation, resource };
}

function redactRef(r: ResourceRef, p: Pseudonyms): ResourceRef {
  const name = p.of({ role: 'object', value: r.name, kind: r.kind });
  return { ...r, namespace: r.namespace === null ? null : p.of({ role: 'namespace', value: r.namespace }), name };
}

function redactTool(t: CoverageTool, area: AreaId, p: Pseudonyms): CoverageTool {
  const marked = (text: string, names: NameAt[] | undefined) => (names && namesFit(text, names) ? replaceNames(text, names, (n) => p.of(n)) : null);
  // Without marks (older documents): the catalogue's words for the tool, and no evidence.
  const catalogue = TOOL_SIGNATURES.find((s) => s.name === t.name)?.covers.find((c) => c.area === area)?.role;
  const { names, ...rest } = t;
  return {
    ...rest,
    // Tool names come from the catalogue (or the sandbox list); anything else came from an import.
    name: TOOL_SIGNATURES.some((s) => s.name === t.name) || /^(gVisor|Kata Containers) sandbox$/.test(t.name) ? t.name : 'a tool',
    role: marked(t.role, names?.role) ?? catalogue ?? 'covers part of this area',
    evidence: marked(t.evidence, names?.evidence) ?? WITHHELD_EVIDENCE,
  };
}

/**
 * A not-assessed reason is the check's own words, but some carry an API error or a version
 * read from the cluster: one that holds an error text, a failure, or any name the document
 * knows is withheld whole.
 */
function redactReason(c: CheckResult, missingDetails: string[], p: Pseudonyms): CheckResult {
  const risky = (r: string) => r.startsWith('the check failed') || missingDetails.some((d) => r.includes(d)) || p.originals().some((n) => mentions(r, n));
  // Objects a check could not judge: named through their pseudonyms, their reasons judged like the check's.
  const perObject = c.notAssessedFor
    ? { notAssessedFor: c.notAssessedFor.map((o) => ({ resource: redactRef(o.resource, p), reason: risky(o.reason) ? WITHHELD_REASON : o.reason })) }
    : {};
  if (c.reason === undefined) return { ...c, ...perObject };
  return { ...c, ...perObject, ...(risky(c.reason) ? { reason: WITHHELD_REASON } : {}) };
}

/** Substring for names of 3+ characters (hiding too much is the safe side), whole word for shorter ones. */
function mentions(text: string, name: string): boolean {
  if (name.length >= 3) return text.includes(name);
  return new RegExp(`(?<![A-Za-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`).test(text);
}

/** A Namespace, ServiceAccount or Cluster object named as an object is the namespace, subject or cluster of that name. */
function sameThing(n: NamedValue): NamedValue {
  if (n.role !== 'object') return n;
  if (n.kind === 'Namespace') return { role: 'namespace', value: n.value };
  if (n.kind === 'ServiceAccount') return { role: 'subject', value: n.value };
  if (n.kind === 'Cluster') return { role: 'cluster', value: n.value };
  return n;
}

class Pseudonyms {
  readonly map = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  of(named: NamedValue): string {
    const n = sameThing(named);
    if (n.role === 'subject' && BUILT_IN_SUBJECTS.has(n.value)) return n.value;
    if (n.role === 'object' && n.kind === 'ClusterRole' && BUILT_IN_CLUSTER_ROLES.has(n.value)) return n.value;
    // An object's kind is part of its identity: Deployment web and Service web are two objects.
    const key = n.role === 'object' ? `object:${n.kind ?? ''}:${n.value}` : `${n.role}:${n.value}`;
    let name = this.map.get(key);
    if (!name) {
      const prefix = n.role === 'object' ? (n.kind ?? 'object').toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'object' : n.role;
      const count = (this.counts.get(prefix) ?? 0) + 1;
      this.counts.set(prefix, count);
      name = `${prefix}-${count}`;
      this.map.set(key, name);
    }
    return name;
  }

  private seen: string[] | null = null;
  /** Every original name met so far (reasons are checked after findings, coverage and attack paths); `fresh` reads them again. */
  originals(fresh = false): string[] {
    if (fresh) this.seen = null;
    this.seen ??= [...this.map.keys()].map((k) => k.slice(k.indexOf(':', k.startsWith('object:') ? 7 : 0) + 1)).filter((v) => v.length > 0);
    return this.seen;
  }
}

/**
 * Attack paths from structure: every step's object through its pseudonym, its words rebuilt
 * from kind and name. The words beside the objects (how a step leads on, a fix's field and
 * patch) are written by the analysis from names no mark covers (containers, volumes): a
 * redacted share shows generic words there instead.
 */
function redactAttackPaths(ap: AttackPathsSummary, p: Pseudonyms): AttackPathsSummary {
  const SUBJECT_KINDS = new Set(['User', 'Group']);
  const step = (s: AttackStep): AttackStep => {
    const namespace = s.namespace === null ? null : p.of({ role: 'namespace', value: s.namespace });
    const { via, ...rest } = s;
    const leads = via === undefined ? {} : { via: 'leads to' };
    if (s.name === undefined) return { ...rest, ...leads, namespace, text: s.kind };
    const name = SUBJECT_KINDS.has(s.kind) ? p.of({ role: 'subject', value: s.name }) : p.of({ role: 'object', value: s.name, kind: s.kind });
    return { ...rest, ...leads, namespace, name, text: `${s.kind} ${namespace ? `${namespace}/` : ''}${name}` };
  };
  const path = (x: AttackPath): AttackPath => {
    const steps = x.steps.map(step);
    return { ...x, steps, text: steps.map((s) => (s.via ? `${s.text} (${s.via})` : s.text)).join(' → ') };
  };
  return {
    ...ap,
    byNamespace: Object.fromEntries(Object.entries(ap.byNamespace).map(([ns, c]) => [p.of({ role: 'namespace', value: ns }), c])),
    fixFirst: ap.fixFirst.map((f) => ({
      ...f,
      object: redactRef(f.object, p),
      field: WITHHELD_FIELD,
      change: 'change this object as its findings say',
      patch: '# The patch names this object and its fields: not shown in a redacted share.',
      ...(f.path ? { path: path(f.path) } : {}),
    })),
    paths: ap.paths.map(path),
    ...(ap.incomplete ? { incomplete: ap.incomplete.map(() => 'some kinds could not be read') } : {}),
  };
}
