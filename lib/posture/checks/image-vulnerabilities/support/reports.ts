// Reading Trivy Operator VulnerabilityReports and ClusterVulnerabilityReports (same `report` shape).
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';
import { workloadFor } from '../../helpers';

export interface ImageReport {
  report: K8sObject;
  workload: Workload | undefined;
  container: string;
  image: string;
  counts: { critical: number; high: number; medium: number; low: number };
  examples: { id: string; severity: string; pkg: string; fixedVersion: string }[];
}

/**
 * The workloads some report covers, reading only reports aimed at namespaces that run workloads
 * here: on a namespace's view (lib/posture/incremental.ts) that is the namespace's own, while
 * the cluster's other reports stay visible for "is there a scanner at all".
 */
export function scannedWorkloads(inv: Inventory): Set<Workload> {
  const namespaces = new Set(inv.workloads.map((w) => w.namespace));
  const out = new Set<Workload>();
  for (const r of [...inv.objects.vulnerabilityreports, ...inv.objects.clustervulnerabilityreports]) {
    const labels = r.metadata.labels ?? {};
    const ns = labels['trivy-operator.resource.namespace'] ?? r.metadata.namespace ?? '';
    if (!namespaces.has(ns)) continue;
    const w = workloadFor(inv, labels['trivy-operator.resource.kind'] ?? '', ns, labels['trivy-operator.resource.name'] ?? '');
    if (w) out.add(w);
  }
  return out;
}

export function imageReports(inv: Inventory): ImageReport[] {
  return [...inv.objects.vulnerabilityreports, ...inv.objects.clustervulnerabilityreports].map((r) => {
    const labels = r.metadata.labels ?? {};
    const ns = labels['trivy-operator.resource.namespace'] ?? r.metadata.namespace ?? '';
    const workload = workloadFor(inv, labels['trivy-operator.resource.kind'] ?? '', ns, labels['trivy-operator.resource.name'] ?? '');
    const report = (r.report ?? {}) as {
      artifact?: { repository?: string; tag?: string; digest?: string };
      registry?: { server?: string };
      summary?: Record<string, unknown>;
      vulnerabilities?: unknown;
    };
    const s = report.summary ?? {};
    const vulns = Array.isArray(report.vulnerabilities) ? report.vulnerabilities : [];
    const art = report.artifact ?? {};
    const image = `${report.registry?.server ? report.registry.server + '/' : ''}${art.repository ?? '?'}${art.tag ? ':' + art.tag : ''}`;
    return {
      report: r,
      workload,
      container: labels['trivy-operator.container.name'] ?? '?',
      image,
      counts: { critical: num(s.criticalCount), high: num(s.highCount), medium: num(s.mediumCount), low: num(s.lowCount) },
      examples: vulns
        .filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
        .filter((v) => v.severity === 'CRITICAL' || v.severity === 'HIGH')
        .slice(0, 3)
        .map((v) => ({
          id: String(v.vulnerabilityID ?? '?'),
          severity: String(v.severity),
          pkg: String(v.resource ?? '?'),
          fixedVersion: String(v.fixedVersion ?? ''),
        })),
    };
  });
}

function num(v: unknown): number {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
