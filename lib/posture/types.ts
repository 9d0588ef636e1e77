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
}

export interface NamespaceSummary {
  name: string;
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
}
