// The posture in Prometheus text exposition format (version 0.0.4). Pure: the route passes
// the document and the scan counters in.
import { isOpen, SEVERITIES, type PostureDocument } from '../../posture/types';

export interface ScanStats {
  lastDurationMs: number;
  succeeded: number;
  failed: number;
  /** The last scan failed with this; the document (if any) is the last good one. */
  error: string | null;
}

type Labels = Record<string, string>;
interface Family {
  name: string;
  help: string;
  type: 'gauge' | 'counter';
  samples: { labels?: Labels; value: number }[];
}

/** Label values escape backslash, double quote and newline; HELP text escapes backslash and newline. */
export function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function escapeHelp(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

export function renderFamilies(families: Family[]): string {
  const lines: string[] = [];
  for (const f of families) {
    lines.push(`# HELP ${f.name} ${escapeHelp(f.help)}`, `# TYPE ${f.name} ${f.type}`);
    for (const s of f.samples) {
      const labels = Object.entries(s.labels ?? {});
      const l = labels.length ? `{${labels.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}` : '';
      lines.push(`${f.name}${l} ${formatValue(s.value)}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function postureMetrics(doc: PostureDocument | null, stats: ScanStats): string {
  const families: Family[] = [
    {
      name: 'kube_posture_scan_duration_seconds',
      help: 'How long the last scan of the cluster took.',
      type: 'gauge',
      samples: [{ value: stats.lastDurationMs / 1000 }],
    },
    { name: 'kube_posture_scans_total', help: 'Scans that read the cluster and scored it.', type: 'counter', samples: [{ value: stats.succeeded }] },
    {
      name: 'kube_posture_scan_failures_total',
      help: 'Scans that failed (cluster unreachable, credentials rejected).',
      type: 'counter',
      samples: [{ value: stats.failed }],
    },
    {
      name: 'kube_posture_scan_up',
      help: '1 when the last scan succeeded, 0 when it failed.',
      type: 'gauge',
      samples: [{ value: stats.error === null && doc ? 1 : 0 }],
    },
  ];
  if (doc) {
    families.push(
      {
        name: 'kube_posture_score',
        help: 'Overall posture score, 0-100 (higher is better).',
        type: 'gauge',
        samples: [{ labels: { cluster: doc.cluster.name }, value: doc.score }],
      },
      {
        name: 'kube_posture_area_score',
        help: 'Posture score per security area, 0-100; absent when no check of the area could run.',
        type: 'gauge',
        samples: doc.areas.filter((a) => a.score !== null).map((a) => ({ labels: { area: a.id }, value: a.score! })),
      },
      {
        name: 'kube_posture_namespace_score',
        help: 'Posture score per namespace, 0-100.',
        type: 'gauge',
        samples: doc.namespaces.map((n) => ({ labels: { namespace: n.name }, value: n.score })),
      },
      {
        name: 'kube_posture_findings',
        help: 'Open findings of the last scan by severity (not accepted, not expected by design).',
        type: 'gauge',
        samples: SEVERITIES.map((s) => ({ labels: { severity: s }, value: doc.findings.filter((f) => f.severity === s && isOpen(f)).length })),
      },
      {
        name: 'kube_posture_area_findings',
        help: 'Findings of the last scan by area and severity.',
        type: 'gauge',
        samples: doc.areas.flatMap((a) => SEVERITIES.map((s) => ({ labels: { area: a.id, severity: s }, value: a.counts[s] }))),
      },
      {
        name: 'kube_posture_checks',
        help: 'Checks by outcome: passed, failed, or not assessed (data unavailable).',
        type: 'gauge',
        samples: [
          { labels: { status: 'passed' }, value: doc.checks.filter((c) => c.assessed && c.findings === 0).length },
          { labels: { status: 'failed' }, value: doc.checks.filter((c) => c.assessed && c.findings > 0).length },
          { labels: { status: 'not_assessed' }, value: doc.checks.filter((c) => !c.assessed).length },
        ],
      },
      {
        name: 'kube_posture_missing_kinds',
        help: 'Kinds the scan could not read (1 per kind), by reason: forbidden, not-served or error.',
        type: 'gauge',
        samples: doc.missingKinds.map((m) => ({ labels: { resource: m.resource, reason: m.reason }, value: 1 })),
      },
      {
        name: 'kube_posture_last_scan_timestamp_seconds',
        help: 'When the document was computed, in seconds since the epoch.',
        type: 'gauge',
        samples: [{ value: Math.floor(Date.parse(doc.generatedAt) / 1000) }],
      },
    );
  }
  return renderFamilies(families);
}
