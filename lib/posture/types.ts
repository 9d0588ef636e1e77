// The posture document: the JSON contract every surface shares (see DESIGN.md).
// Fields may be added; renaming or removing one bumps SCHEMA_VERSION.

export const SCHEMA_VERSION = 1;

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityCounts = Record<Severity, number>;

export const AREA_IDS = [
  'pod-security',
  'authn-authz',
  'rbac',
  'encryption',
  'resource-limits',
  'image-vulnerabilities',
  'host-security',
  'registry-security',
  'runtime-security',
  'api-abuse',
  'management-tools',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

export type CoverageStatus = 'covered' | 'partial' | 'not-covered';

export interface CoverageTool {
  name: string;
  /** What it covers in this area, in a few words. */
  role: string;
  /** The object that proved the tool is there, e.g. "CustomResourceDefinition vulnerabilityreports.aquasecurity.github.io". */
  evidence: string;
  /** The names in role and evidence, as Finding.names marks them. Absent in older documents. */
  names?: { role: NameAt[]; evidence: NameAt[] };
}

export interface Coverage {
  status: CoverageStatus;
  tools: CoverageTool[];
  /** What would cover the area, shown when it is not covered. */
  suggestion?: string;
}

export interface AreaSummary {
  id: AreaId;
  kind: 'native' | 'uncovered';
  title: string;
  /** null when no check of the area could be assessed. */
  score: number | null;
  counts: SeverityCounts;
  coverage: Coverage | null;
  checks: { total: number; passed: number; failed: number; notAssessed: number };
}

export interface ResourceRef {
  kind: string;
  namespace: string | null;
  name: string;
  apiVersion?: string;
}

export const NAME_ROLES = ['namespace', 'object', 'subject', 'host', 'image', 'registry', 'cluster'] as const;
export type NameRole = (typeof NAME_ROLES)[number];

/** A name inside a sentence: what it names, so redaction can replace it (lib/posture/message.ts). */
export interface NamedValue {
  role: NameRole;
  value: string;
  /** For objects: their kind, so a pseudonym reads deployment-3 rather than object-3. */
  kind?: string;
}

/** A name at a place in a sentence: `sentence.slice(at, at + value.length) === value`. */
export interface NameAt extends NamedValue {
  at: number;
}

export interface Finding {
  checkId: string;
  area: AreaId;
  severity: Severity;
  title: string;
  message: string;
  /**
   * Where message names cluster objects, in order; everything else in it is the check's own prose.
   * Absent in older documents and for checks that write a plain string (redaction then hides the message).
   */
  names?: NameAt[];
  /**
   * The check's fixed advice, or this object's own fix (a sentence, then a YAML patch). Fixed
   * advice names no cluster objects and shows as is in redacted shares.
   */
  remediation: string;
  /** Where remediation names cluster objects (a per-object fix); redaction replaces them as in message. */
  remediationNames?: NameAt[];
  resource: ResourceRef;
  /** How many attack paths run through this finding's object (lib/posture/attack-paths). Absent: none, or an older document. */
  paths?: number;
  /** By design for a well-known system component (lib/posture/data/system-components.ts): left out of scores and counts. */
  expected?: { reason: string; source: string; component: string };
  /** Accepted by an exception (an annotation on the object or one kept in the store): left out of scores and counts. */
  accepted?: FindingAcceptance;
  /** An exception covered this finding but has expired: the finding is open again. */
  expiredException?: FindingAcceptance;
  /** Who owns the object: its owner label/annotation, else its namespace's (POSTURE_OWNER_KEYS). */
  owner?: string;
}

export interface FindingAcceptance {
  by: string;
  reason: string;
  owner: string;
  /** The last day the exception holds (YYYY-MM-DD, UTC). */
  expires: string;
  source: 'annotation' | 'store';
  /** The stored exception's id (source 'store'). */
  id?: string;
}

/** A finding that counts: neither by design nor accepted. */
export function isOpen(f: Finding): boolean {
  return !f.expected && !f.accepted;
}

export interface CheckResult {
  id: string;
  area: AreaId;
  severity: Severity;
  /** Lowest and highest severity its findings can carry; absent when all are at `severity`. */
  severityRange?: [lowest: Severity, highest: Severity];
  title: string;
  assessed: boolean;
  /** Why the check could not run (missing permission, kind not served, no data). */
  reason?: string;
  findings: number;
  /**
   * Objects an assessed check could not judge, and why (e.g. a Calico selector it cannot
   * evaluate); neither passed nor failed. Absent when there are none.
   */
  notAssessedFor?: { resource: ResourceRef; reason: string }[];
  /** Findings left out as by design or accepted (not in `findings`). Absent when none. */
  triaged?: number;
}

export interface NamespaceSummary {
  name: string;
  /** The namespace's owner label or annotation (POSTURE_OWNER_KEYS). */
  owner?: string;
  score: number;
  counts: SeverityCounts;
  /** Effective pod-security enforce level and version; null when the labels are unknown. */
  podSecurity: { level: string; version: string; labelled: boolean } | null;
  /** What the namespace holds that bears on its posture. */
  objects: { workloads: number; pods: number; networkPolicies: number; resourceQuotas: number; limitRanges: number };
  /**
   * Whether a policy of any engine (NetworkPolicy podSelector: {} with no rules, Cilium, Calico,
   * AdminNetworkPolicy) denies each direction by default; null when NetworkPolicies could not be
   * read, or another engine's policies cannot tell. Absent in documents written before it existed.
   */
  defaultDeny?: { ingress: boolean; egress: boolean } | null;
}

export interface PostureDocument {
  schemaVersion: number;
  generatedAt: string;
  cluster: { name: string; version: string | null; source: 'live' | 'manifests' | 'demo' };
  score: number;
  areas: AreaSummary[];
  namespaces: NamespaceSummary[];
  findings: Finding[];
  checks: CheckResult[];
  /** Kinds the scan could not read, and why. */
  missingKinds: { resource: string; reason: string; detail: string }[];
  /**
   * Set when the document is one viewer's share of the posture (lib/posture/view-filter.ts):
   * only these namespaces, and no cluster-wide scores. Absent: the whole cluster.
   */
  view?: { restrictedTo: string[] };
  /** Attack paths from footholds to the cluster's crown jewels (lib/posture/attack-paths). Absent in older documents. */
  attackPaths?: AttackPathsSummary;
  /**
   * Set when `attackPaths` (and the findings' `paths` counts) were analysed on an earlier version
   * of the cluster than the rest of the document: the `generatedAt` of that version. A watched
   * change updates the findings at once and the paths shortly after (lib/posture/incremental.ts).
   * Absent: the paths are of this version.
   */
  attackPathsAsOf?: string;
}

export const ATTACK_TARGETS = ['cluster-admin', 'node', 'namespace-secrets', 'cluster-secrets', 'kube-system'] as const;
/** What a path ends at: cluster-admin or its equivalent, root on a node, every Secret of a namespace or of the cluster, control of kube-system. */
export type AttackTarget = (typeof ATTACK_TARGETS)[number];

/** One step of a path: an object (or a capability) and, except for the last, how it leads to the next. */
export interface AttackStep {
  /** The object the step is (Deployment, Node, ServiceAccount…), or a capability ("Capability"). */
  kind: string;
  namespace: string | null;
  /** Absent when the step is named by kind only (a restricted viewer's view of a step outside their namespaces). */
  name?: string;
  /** The step in words, e.g. "Pod shop/cart". */
  text: string;
  /** How this step leads to the next, e.g. "privileged with hostPID". */
  via?: string;
  /** The edge to the next step depends on something the API does not show (the kernel, a cloud identity). */
  possible?: true;
}

export const FOOTHOLD_KINDS = ['exposed', 'everyone', 'container', 'identity'] as const;
/** Where a path starts: a workload exposed outside the cluster, an everyone group, any container, an identity a binding names. */
export type FootholdKind = (typeof FOOTHOLD_KINDS)[number];

export interface AttackPath {
  target: AttackTarget;
  /** What kind of foothold its first step is. Absent in older documents. */
  foothold?: FootholdKind;
  steps: AttackStep[];
  /** Some edge of the path is only possible (see AttackStep.possible). */
  possible: boolean;
  /** The whole path in words: "Ingress shop/storefront → Pod shop/cart, privileged with hostPID → Node a1 → …". */
  text: string;
}

/** One change that cuts paths, in the order fix-first ranks them. */
export interface AttackFix {
  object: ResourceRef;
  /** The field to change, e.g. "spec.template.spec.containers[app].securityContext.privileged". */
  field: string;
  /** The change in words. */
  change: string;
  /** A patch (YAML) that makes it. */
  patch: string;
  /** Paths to cluster-admin and to nodes this change removes, after the changes ranked before it. */
  removes: { 'cluster-admin': number; node: number };
  /** The shortest of the paths it removes, to show what it cuts. Absent in older documents. */
  path?: AttackPath;
}

export interface AttackPathsSummary {
  /** Paths (one per foothold and target it reaches, the shortest) per target. */
  counts: Record<AttackTarget, number>;
  /** The same counts for the paths that start in each namespace (namespaces with none are left out). */
  byNamespace: Record<string, Partial<Record<AttackTarget, number>>>;
  footholds: number;
  fixFirst: AttackFix[];
  /** The shortest few paths per target. */
  paths: AttackPath[];
  /** Why the analysis is incomplete (kinds it could not read), if it is. */
  incomplete?: string[];
}
