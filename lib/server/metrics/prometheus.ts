// /metrics through prom-client: the standard process and Node.js metrics, histograms of scan and
// request durations, and the posture of the source asked for as gauges. One registry per
// process, on globalThis: the route, instrumentation.ts and the posture service are bundled
// apart by Next.js and must still record into the same metrics.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isOpen, SEVERITIES, type PostureDocument } from '../../posture/types';

export interface ScanStats {
  lastDurationMs: number;
  succeeded: number;
  failed: number;
  /** The last scan failed with this; the document (if any) is the last good one. */
  error: string | null;
}

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge<L>({ name, help, labelNames, registers });
  return {
    registry,
    scanDuration: new Histogram<'source' | 'outcome'>({
      name: 'kube_posture_scan_duration_seconds',
      help: 'How long scans took (list every kind, then score), by source (live, manifests, demo) and outcome (success, failure).',
      labelNames: ['source', 'outcome'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    }),
    requestDuration: new Histogram<'route' | 'method' | 'status'>({
      name: 'kube_posture_http_request_duration_seconds',
      help: 'How long the server took to answer, by route (page or API), method and status code.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    scans: new Counter({ name: 'kube_posture_scans_total', help: 'Scans that read the cluster and scored it.', registers }),
    scanFailures: new Counter({ name: 'kube_posture_scan_failures_total', help: 'Scans that failed (cluster unreachable, credentials rejected).', registers }),
    lastScanDuration: gauge('kube_posture_last_scan_duration_seconds', 'How long the last scan of the source asked for took.'),
    up: gauge('kube_posture_scan_up', '1 when the last scan succeeded, 0 when it failed.'),
    score: gauge<'cluster'>('kube_posture_score', 'Overall posture score, 0-100 (higher is better).', ['cluster']),
    areaScore: gauge<'area'>('kube_posture_area_score', 'Posture score per security area, 0-100; absent when no check of the area could run.', ['area']),
    namespaceScore: gauge<'namespace'>('kube_posture_namespace_score', 'Posture score per namespace, 0-100.', ['namespace']),
    findings: gauge<'severity'>('kube_posture_findings', 'Open findings of the last scan by severity (not accepted, not expected by design).', ['severity']),
    areaFindings: gauge<'area' | 'severity'>('kube_posture_area_findings', 'Findings of the last scan by area and severity.', ['area', 'severity']),
    checks: gauge<'status'>('kube_posture_checks', 'Checks by outcome: passed, failed, or not assessed (data unavailable).', ['status']),
    missingKinds: gauge<'resource' | 'reason'>(
      'kube_posture_missing_kinds',
      'Kinds the scan could not read (1 per kind), by reason: forbidden, not-served or error.',
      ['resource', 'reason'],
    ),
    generatedAt: gauge('kube_posture_last_scan_timestamp_seconds', 'When the document was computed, in seconds since the epoch.'),
  };
}

type Metrics = ReturnType<typeof create>;
const g = globalThis as typeof globalThis & { __kpMetrics?: Metrics };

function metrics(): Metrics {
  return (g.__kpMetrics ??= create());
}

/** The Content-Type of what postureMetrics returns. */
export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

export function observeScan(source: string, outcome: 'success' | 'failure', seconds: number): void {
  const m = metrics();
  m.scanDuration.observe({ source, outcome }, seconds);
  (outcome === 'success' ? m.scans : m.scanFailures).inc();
}

export function observeRequest(route: string, method: string, status: number, seconds: number): void {
  metrics().requestDuration.observe({ route, method, status: String(status) }, seconds);
}

/** Every metric in the text exposition format, the posture gauges set from `doc` and `stats`. */
export async function postureMetrics(doc: PostureDocument | null, stats: ScanStats): Promise<string> {
  const m = metrics();
  m.lastScanDuration.set(stats.lastDurationMs / 1000);
  m.up.set(stats.error === null && doc ? 1 : 0);
  // Gauges describe one document: a namespace or kind gone since the last scrape must not linger.
  for (const x of [m.score, m.areaScore, m.namespaceScore, m.findings, m.areaFindings, m.checks, m.missingKinds, m.generatedAt]) x.reset();
  if (doc) {
    m.score.set({ cluster: doc.cluster.name }, doc.score);
    for (const a of doc.areas) if (a.score !== null) m.areaScore.set({ area: a.id }, a.score);
    for (const n of doc.namespaces) m.namespaceScore.set({ namespace: n.name }, n.score);
    for (const s of SEVERITIES) m.findings.set({ severity: s }, doc.findings.filter((f) => f.severity === s && isOpen(f)).length);
    for (const a of doc.areas) for (const s of SEVERITIES) m.areaFindings.set({ area: a.id, severity: s }, a.counts[s]);
    m.checks.set({ status: 'passed' }, doc.checks.filter((c) => c.assessed && c.findings === 0).length);
    m.checks.set({ status: 'failed' }, doc.checks.filter((c) => c.assessed && c.findings > 0).length);
    m.checks.set({ status: 'not_assessed' }, doc.checks.filter((c) => !c.assessed).length);
    for (const k of doc.missingKinds) m.missingKinds.set({ resource: k.resource, reason: k.reason }, 1);
    m.generatedAt.set(Math.floor(Date.parse(doc.generatedAt) / 1000));
  }
  return m.registry.metrics();
}
