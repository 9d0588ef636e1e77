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

export interface Finding {
  checkId: string;
  area: AreaId;
  severity: Severity;
  title: string;
  message: string;
  remediation: string;
  resource: ResourceRef;
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
  title: string;
  assessed: boolean;
  /** Why the check could not run (missing permission, kind not served, no data). */
  reason?: string;
  findings: number;
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
   * Whether a NetworkPolicy denies each direction by default (podSelector: {}, no rules); null
   * when NetworkPolicies could not be read. Absent in documents written before it existed.
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
