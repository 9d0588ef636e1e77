// --min-severity, --area and --namespace: one selection of findings that every output format
// (table, JSON, SARIF) and --fail-on share. Scores and area counts stay the whole cluster's.
import { severityRank } from '../posture/scoring';
import { AREA_IDS, SEVERITIES, type AreaId, type PostureDocument, type Severity } from '../posture/types';

export interface FindingFilter {
  minSeverity?: Severity;
  areas?: AreaId[];
  namespaces?: string[];
}

/** Parses the options' raw values; returns an error message for the user instead of throwing. */
export function parseFilter(raw: { 'min-severity'?: string; area?: string; namespace?: string }): FindingFilter | string {
  const filter: FindingFilter = {};
  if (raw['min-severity'] !== undefined) {
    if (!SEVERITIES.includes(raw['min-severity'] as Severity)) return `unknown --min-severity ${raw['min-severity']} (${SEVERITIES.join(', ')})`;
    filter.minSeverity = raw['min-severity'] as Severity;
  }
  if (raw.area !== undefined) {
    const areas = list(raw.area);
    const unknown = areas.find((a) => !AREA_IDS.includes(a as AreaId));
    if (unknown !== undefined || areas.length === 0) return `unknown --area ${unknown ?? raw.area} (${AREA_IDS.join(', ')})`;
    filter.areas = areas as AreaId[];
  }
  if (raw.namespace !== undefined) {
    filter.namespaces = list(raw.namespace);
    if (filter.namespaces.length === 0) return '--namespace needs a name';
  }
  return filter;
}

/** The document with only the selected findings, and (with --area) only that area's checks. */
export function applyFilter(doc: PostureDocument, f: FindingFilter): PostureDocument {
  const gate = f.minSeverity ? severityRank(f.minSeverity) : Infinity;
  const findings = doc.findings.filter(
    (x) =>
      severityRank(x.severity) <= gate &&
      (!f.areas || f.areas.includes(x.area)) &&
      // Cluster-scoped objects belong to no namespace: a namespace filter leaves them out.
      (!f.namespaces || (x.resource.namespace !== null && f.namespaces.includes(x.resource.namespace))),
  );
  const checks = f.areas ? doc.checks.filter((c) => f.areas!.includes(c.area)) : doc.checks;
  return { ...doc, findings, checks };
}

function list(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}
