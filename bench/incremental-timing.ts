// Single-object changes: the incremental recompute (lib/posture/incremental.ts) against a full
// computePosture of the same inventory, in one process, per kind of change.
// `tsx bench/incremental-timing.ts [pods] [changes per kind] [kinds,…]`.
import { performance } from 'node:perf_hooks';
import { applyChange, type ResourceChange } from '../lib/cluster/apply-change';
import { buildInventory } from '../lib/cluster/build-inventory';
import type { Inventory } from '../lib/cluster/inventory';
import type { K8sObject } from '../lib/cluster/types';
import { computePosture } from '../lib/posture/engine';
import { initialPosture, updatePosture, type UpdateStats } from '../lib/posture/incremental';
import { generateCluster, type SyntheticSize } from '../lib/synthetic/generate';

export interface ChangeTiming {
  kind: ChangeKind;
  /** Per change: apply to the Inventory, then recompute; median and p95 over the changes. */
  medianMs: number;
  p95Ms: number;
  /** p95 / the full computation. */
  ratio: number;
  /** The same by CPU time (p95 of the changes' CPU time / the full computation's). */
  cpuRatio: number;
  /** The slowest change's checks: run whole (and which), run on its namespace, reused. */
  slowest: UpdateStats;
}

export interface IncrementalTiming {
  pods: number;
  fullMs: number;
  /** The full computation's CPU time (user + system): what a loaded machine distorts least. */
  fullCpuMs: number;
  kinds: ChangeTiming[];
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const RBAC = 'rbac.authorization.k8s.io';
const pick = <T>(xs: readonly T[], i: number): T => xs[(i * 7919) % xs.length]!;
const namespaceOf = (inv: Inventory, i: number) => pick(inv.objects.namespaces, i).metadata.name;

/**
 * One change of each kind a watch delivers, the i-th of a run (alternating, so each undoes the
 * last one's effect). Every one names objects of the synthetic cluster (lib/synthetic/generate.ts).
 */
export const CHANGES = {
  // A pod a Deployment owns gets (or loses) a privileged container: the workloads stay as they were.
  'pod-of-controller': (inv, i) => {
    const pod = structuredClone(pick(inv.objects.pods, i));
    pod.spec.containers[0].securityContext = { privileged: i % 2 === 0 };
    return { type: 'MODIFIED', resource: 'pods', object: pod };
  },
  // A bare pod (a workload of its own) running as `default`, which RoleBindings name.
  'bare-pod': (inv, i) => {
    const pod = structuredClone(pick(inv.objects.pods, i));
    pod.metadata = { name: `probe-${i}`, namespace: pod.metadata.namespace };
    pod.spec.serviceAccountName = 'default';
    pod.spec.containers[0].securityContext = { privileged: i % 2 === 0 };
    return { type: 'ADDED', resource: 'pods', object: pod };
  },
  deployment: (inv, i) => {
    const d = structuredClone(pick(inv.objects.deployments, i));
    d.spec.template.spec.containers[0].securityContext = { privileged: i % 2 === 0 };
    return { type: 'MODIFIED', resource: 'deployments', object: d };
  },
  service: (inv, i) => ({
    type: 'ADDED',
    resource: 'services',
    object: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `probe-${i}`, namespace: namespaceOf(inv, i) },
      spec: { type: i % 2 ? 'NodePort' : 'LoadBalancer', selector: { app: 'probe' }, ports: [{ port: 80, targetPort: 8080 }] },
    },
  }),
  networkpolicy: (inv, i) => {
    const np = structuredClone(pick(inv.objects.networkpolicies, i));
    np.spec = i % 2 ? { podSelector: {}, policyTypes: ['Ingress'] } : { podSelector: {}, ingress: [{}], policyTypes: ['Ingress', 'Egress'] };
    return { type: 'MODIFIED', resource: 'networkpolicies', object: np };
  },
  // The namespace's default ServiceAccount gets edit there.
  rolebinding: (inv, i) => {
    const ns = namespaceOf(inv, i);
    return {
      type: 'ADDED',
      resource: 'rolebindings',
      object: {
        apiVersion: `${RBAC}/v1`,
        kind: 'RoleBinding',
        metadata: { name: `probe-${i}`, namespace: ns },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'edit' },
        subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: ns }],
      },
    };
  },
  'namespace-label': (inv, i) => {
    const n = structuredClone(pick(inv.objects.namespaces, i));
    n.metadata.labels = { ...n.metadata.labels, 'pod-security.kubernetes.io/enforce': i % 2 ? 'privileged' : 'restricted' };
    return { type: 'MODIFIED', resource: 'namespaces', object: n };
  },
  // Only Argo CD's ConfigMaps are read (lib/cluster/inventory.ts).
  configmap: (_inv, i) => ({
    type: 'ADDED',
    resource: 'argocdconfigmaps',
    object: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `argocd-cm-${i}`, namespace: 'argocd', labels: { 'app.kubernetes.io/part-of': 'argocd' } },
      data: { 'users.anonymous.enabled': i % 2 ? 'true' : 'false' },
    },
  }),
  secret: (inv, i) => ({
    type: 'ADDED',
    resource: 'secrets',
    object: { apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: `probe-${i}`, namespace: namespaceOf(inv, i) } } as K8sObject,
  }),
  serviceaccount: (inv, i) => ({
    type: 'ADDED',
    resource: 'serviceaccounts',
    object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `probe-${i}`, namespace: namespaceOf(inv, i) } },
  }),
  // Legitimately cluster-wide: one more subject may do anything anywhere.
  'clusterrolebinding-admin': (inv, i) => ({
    type: 'ADDED',
    resource: 'clusterrolebindings',
    object: {
      apiVersion: `${RBAC}/v1`,
      kind: 'ClusterRoleBinding',
      metadata: { name: `probe-admin-${i}` },
      roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ kind: 'ServiceAccount', name: 'default', namespace: namespaceOf(inv, i) }],
    },
  }),
} satisfies Record<string, (inv: Inventory, i: number) => ResourceChange>;

export type ChangeKind = keyof typeof CHANGES;
export const CHANGE_KINDS = Object.keys(CHANGES) as ChangeKind[];

/** `changes` of each kind in turn, on one followed state, as the live follower applies them. */
export function timeIncremental(fresh: () => Inventory, changes = 20, kinds: readonly ChangeKind[] = CHANGE_KINDS): IncrementalTiming {
  const now = new Date('2026-11-22T00:00:00Z');
  // The full computation on an inventory of its own: what it memoises outside a recording
  // would make the incremental path treat every read as unknown ('*') and re-run everything.
  const full = fresh();
  const fullCpu0 = process.cpuUsage();
  let t = performance.now();
  computePosture(full, { now });
  const fullMs = performance.now() - t;
  const fullCpuMs = cpuMs(process.cpuUsage(fullCpu0));
  const inventory = fresh();
  let state = initialPosture(inventory, { now });
  let inv = inventory;
  const out: ChangeTiming[] = [];
  for (const kind of kinds) {
    const times: number[] = [];
    let slowest: UpdateStats = { full: 0, perNamespace: 0, perBinding: 0, reused: 0, whole: [] };
    const cpus: number[] = [];
    for (let i = 0; i < changes; i++) {
      const event = CHANGES[kind](inv, i);
      const cpu0 = process.cpuUsage();
      t = performance.now();
      const applied = applyChange(inv, event);
      // As the live follower does (lib/server/live-follow.ts): the attack paths follow once changes pause.
      const r = updatePosture(state, applied.inventory, applied.touched, { now, attackPaths: 'defer' });
      const took = performance.now() - t;
      cpus.push(cpuMs(process.cpuUsage(cpu0)));
      state = r.posture;
      if (times.every((x) => x < took)) slowest = r.stats;
      times.push(took);
      inv = applied.inventory;
    }
    out.push({ kind, medianMs: pct(times, 0.5), p95Ms: pct(times, 0.95), ratio: pct(times, 0.95) / fullMs, cpuRatio: pct(cpus, 0.95) / fullCpuMs, slowest });
  }
  return { pods: inventory.objects.pods.length, fullMs, fullCpuMs, kinds: out };
}

export function syntheticInventory(size: SyntheticSize): Inventory {
  const { objects } = generateCluster(size);
  return buildInventory(objects, { cluster: { name: 'synthetic', version: 'v1.35.1', source: 'live' }, readAt: new Date('2026-11-22T00:00:00Z') });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pods = Number(process.argv[2] ?? 50_000);
  const size: SyntheticSize = {
    namespaces: Math.max(10, Math.round(pods / 25)),
    pods,
    bindings: Math.round(pods * 0.4),
    nodes: Math.max(3, Math.round(pods / 100)),
    seed: 1,
  };
  const kinds = process.argv[4] ? (process.argv[4].split(',') as ChangeKind[]) : CHANGE_KINDS;
  const r = timeIncremental(() => syntheticInventory(size), Number(process.argv[3] ?? 20), kinds);
  console.log(`full ${r.fullMs.toFixed(0)} ms (CPU ${r.fullCpuMs.toFixed(0)} ms), ${r.pods} pods`);
  for (const k of r.kinds)
    console.log(
      `${k.kind.padEnd(26)} p95 ${k.p95Ms.toFixed(0).padStart(5)} ms  median ${k.medianMs.toFixed(0).padStart(5)} ms  ${(k.ratio * 100).toFixed(2).padStart(6)}% (CPU ${(k.cpuRatio * 100).toFixed(2).padStart(6)}%)  whole: ${k.slowest.whole.join(' ') || '-'} (${k.slowest.perNamespace} per ns, ${k.slowest.perBinding} per binding)`,
    );
}
