// Reading Trivy Operator VulnerabilityReports and ClusterVulnerabilityReports (same `report` shape).
import type { Inventory } from '../../../../cluster/inventory';
import type { K8sObject, Workload } from '../../../../cluster/types';
import { objectsIn, workloadsIn, type Cutoff } from '../../../incremental-cutoffs';
import type { ResourceRef } from '../../../types';
import { OWNED_KINDS, oncePerInventory, ownerIndexOf, resolveOwner, workloadFor, workloadRef } from '../../helpers';

export interface ImageReport {
  report: K8sObject;
  /** The workload the report is about, when it is in the inventory. */
  workload: ResourceRef | undefined;
  container: string;
  image: string;
  counts: { critical: number; high: number; medium: number; low: number };
  examples: { id: string; severity: string; pkg: string; fixedVersion: string }[];
}

/**
 * The workloads some report covers, reading only reports aimed at namespaces that run workloads
 * here: on a namespace's view (lib/posture/incremental.ts) that is the namespace's own, while
 * the cluster's other reports stay visible for "is there a scanner at all". The reports are
 * found through their targets by namespace (kept per list), not by walking all 7,500 for one namespace.
 */
export function scannedWorkloads(inv: Inventory): Set<Workload> {
  const namespaces = new Set(inv.workloads.map((w) => w.namespace));
  const out = new Set<Workload>();
  for (const byNs of [reportsByTarget(inv.objects.vulnerabilityreports), reportsByTarget(inv.objects.clustervulnerabilityreports)]) {
    for (const ns of namespaces) {
      for (const t of byNs.get(ns) ?? []) {
        const w = workloadFor(inv, t.kind, ns, t.name);
        if (w) out.add(w);
      }
    }
  }
  return out;
}

/** Which workload each report targeting these namespaces names, resolved on their objects alone. */
function targetsIn(inv: Inventory, namespaces: Set<string>): string {
  const index = ownerIndexOf(
    workloadsIn(inv, namespaces),
    OWNED_KINDS.map((k) => objectsIn(inv.objects[k], namespaces)),
  );
  const out: string[] = [];
  const byNs = [reportsByTarget(inv.objects.vulnerabilityreports), reportsByTarget(inv.objects.clustervulnerabilityreports)];
  for (const ns of namespaces) {
    out.push(`@${ns}`);
    for (const list of byNs) {
      for (const t of list.get(ns) ?? []) {
        const w = resolveOwner(index, t.kind, t.namespace, t.name);
        out.push(w ? `${w.apiVersion} ${w.kind}/${w.name}` : '-');
      }
    }
  }
  return out.join('\n');
}

// Each report list's targets by namespace, once per list: a bare pod's change leaves the lists as
// they were, and the cutoff then reads only the changed namespaces' reports rather than all 7,500.
const targetsByList = new WeakMap<readonly K8sObject[], Map<string, ReturnType<typeof target>[]>>();

function reportsByTarget(list: readonly K8sObject[]): Map<string, ReturnType<typeof target>[]> {
  let m = targetsByList.get(list);
  if (!m) {
    m = new Map();
    for (const r of list) {
      const t = target(r);
      const at = m.get(t.namespace);
      if (at) at.push(t);
      else m.set(t.namespace, [t]);
    }
    targetsByList.set(list, m);
  }
  return m;
}

// A new pod or workload changes the owner index, yet rarely which workload a report names: the
// reports' findings name only that (ImageReport.workload is a ref), so they stand when every
// report aimed at the changed namespaces resolves as before.
const REPORT_TARGETS_CUTOFF: Cutoff = {
  judges: ['memo:owner-index', 'workloads', ...OWNED_KINDS.map((k) => `objects.${k}`)],
  unchanged: (prev, next, touched) => targetsIn(prev, touched.namespaces) === targetsIn(next, touched.namespaces),
};

function target(r: K8sObject): { kind: string; namespace: string; name: string } {
  const labels = r.metadata.labels ?? {};
  return {
    kind: labels['trivy-operator.resource.kind'] ?? '',
    namespace: labels['trivy-operator.resource.namespace'] ?? r.metadata.namespace ?? '',
    name: labels['trivy-operator.resource.name'] ?? '',
  };
}

/** Every report, read once per inventory. */
export function imageReports(inv: Inventory): ImageReport[] {
  const lists = () => [inv.objects.vulnerabilityreports, inv.objects.clustervulnerabilityreports, inv.workloads, ...OWNED_KINDS.map((k) => inv.objects[k])];
  return oncePerInventory(inv, 'image-reports', lists, () => readReports(inv), REPORT_TARGETS_CUTOFF);
}

function readReports(inv: Inventory): ImageReport[] {
  return [...inv.objects.vulnerabilityreports, ...inv.objects.clustervulnerabilityreports].map((r) => {
    const labels = r.metadata.labels ?? {};
    const t = target(r);
    const w = workloadFor(inv, t.kind, t.namespace, t.name);
    const workload = w && workloadRef(w);
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
