// Filtering, sorting and exporting findings: one definition shared by the findings page
// and its download route, so a link and a download show the same view.
import { compareOwners, ownerMatches } from './owner-groups';
import { severityRank } from './scoring';
import { findingsOfNamespace } from './sorted-findings';
import { AREA_IDS, SEVERITIES, type AreaId, type Finding, type Severity } from './types';

export interface FindingsQuery {
  area?: AreaId;
  severity?: Severity;
  namespace?: string;
  check?: string;
  /** One object, as Kind/name (with namespace, the object in that namespace). */
  object?: string;
  q?: string;
  /** Only findings whose owner (POSTURE_OWNER_KEYS) is this; NO_OWNER ("(none)") for the unowned. */
  owner?: string;
  /** owner: the list grouped by owner (named owners alphabetically, the unowned last). */
  group?: 'owner';
  /** open: counted findings; expected: by design; accepted: under an exception. Absent: all. */
  status?: FindingStatus;
  sort: 'severity' | 'object' | 'check';
  page: number;
}

export const FINDING_STATUSES = ['open', 'expected', 'accepted'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export function findingStatus(f: Finding): FindingStatus {
  return f.accepted ? 'accepted' : f.expected ? 'expected' : 'open';
}

export const PAGE_SIZE = 200;
const MAX_TEXT = 200;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** Reads a query from URL parameters; anything unknown or malformed is ignored, not trusted. */
export function parseFindingsQuery(params: Params): FindingsQuery {
  const get = (k: string): string | undefined => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s === undefined || s === null || s === '' ? undefined : s.slice(0, MAX_TEXT);
  };
  const area = get('area');
  const severity = get('severity');
  const sort = get('sort');
  const status = get('status');
  const page = Number(get('page') ?? 1);
  return {
    area: AREA_IDS.includes(area as AreaId) ? (area as AreaId) : undefined,
    severity: SEVERITIES.includes(severity as Severity) ? (severity as Severity) : undefined,
    namespace: get('namespace'),
    check: get('check'),
    object: get('object'),
    q: get('q'),
    owner: get('owner'),
    group: get('group') === 'owner' ? 'owner' : undefined,
    status: FINDING_STATUSES.includes(status as FindingStatus) ? (status as FindingStatus) : undefined,
    sort: sort === 'object' || sort === 'check' ? sort : 'severity',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The same query as URL parameters (defaults left out), for links. */
export function findingsQueryString(q: Partial<FindingsQuery>): string {
  const p = new URLSearchParams();
  for (const k of ['area', 'severity', 'namespace', 'check', 'object', 'q', 'owner', 'status', 'group'] as const) if (q[k]) p.set(k, q[k]!);
  if (q.sort && q.sort !== 'severity') p.set('sort', q.sort);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function filterFindings(findings: readonly Finding[], q: FindingsQuery): Finding[] {
  const text = q.q?.toLowerCase();
  // The finding's own fields first: reading its resource as well is a second scattered object per
  // finding, most of the cost of a pass over 50,000 (memory, not logic).
  // One namespace's findings by binary search where the list is the engine's (sorted-findings.ts).
  const candidates = (q.namespace && findingsOfNamespace(findings, q.namespace)) || findings;
  const out = candidates.filter(
    (f) =>
      (!q.check || f.checkId === q.check) &&
      (!q.area || f.area === q.area) &&
      (!q.severity || f.severity === q.severity) &&
      (!q.namespace || f.resource.namespace === q.namespace || (f.resource.kind === 'Namespace' && f.resource.name === q.namespace)) &&
      (!q.object || `${f.resource.kind}/${f.resource.name}` === q.object) &&
      ownerMatches(f.owner, q.owner) &&
      (!q.status || findingStatus(f) === q.status) &&
      (!text || [f.title, f.message, f.resource.name, f.resource.namespace ?? '', f.resource.kind, f.checkId].some((s) => s.toLowerCase().includes(text))),
  );
  const object = (f: Finding) => `${f.resource.namespace ?? ''}/${f.resource.kind}/${f.resource.name}`;
  if (q.sort === 'object') out.sort((a, b) => object(a).localeCompare(object(b)) || severityRank(a.severity) - severityRank(b.severity));
  else if (q.sort === 'check') out.sort((a, b) => a.checkId.localeCompare(b.checkId) || object(a).localeCompare(object(b)));
  // 'severity': findings on attack paths first (most paths first), then the document's order, which is severity first.
  else if (out.some((f) => f.paths)) {
    const at = new Map(out.map((f, i) => [f, i]));
    out.sort((a, b) => (b.paths ?? 0) - (a.paths ?? 0) || at.get(a)! - at.get(b)!);
  }
  // Grouped: by owner first, the chosen order within each owner (the sort is stable).
  if (q.group === 'owner') out.sort((a, b) => compareOwners(a.owner, b.owner));
  return out;
}

const CSV_COLUMNS = ['severity', 'area', 'checkId', 'kind', 'namespace', 'name', 'title', 'message', 'remediation', 'owner', 'status'] as const;

/** RFC 4180 CSV. Cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function findingsToCsv(findings: readonly Finding[]): string {
  const rows = findings.map((f) => [
    f.severity,
    f.area,
    f.checkId,
    f.resource.kind,
    f.resource.namespace ?? '',
    f.resource.name,
    f.title,
    f.message,
    f.remediation,
    f.owner ?? '',
    findingStatus(f),
  ]);
  return [CSV_COLUMNS as readonly string[], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

// OWASP CSV injection: formula signs, and what a spreadsheet may strip or fold into one before
// reading the cell (leading blanks and line breaks; the full-width ＝ ＋ － ＠).
const FORMULA_START = /^[=+\-@\t\r\n \uFF1D\uFF0B\uFF0D\uFF20]/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
