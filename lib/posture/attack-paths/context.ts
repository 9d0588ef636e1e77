// What the edge rules read, indexed once per inventory: workloads by namespace and by node, the
// ServiceAccounts of each namespace, legacy token Secrets, each namespace's Pod Security enforce
// level, and the graph's vertices by what they stand for.
import type { Inventory } from '../../cluster/inventory';
import type { Workload } from '../../cluster/types';
import { parseClusterMinor, parseEnforcePolicy } from '../pss/namespace-level';
import { rbacModel, type Grant, type RbacModel } from '../rbac/model';
import { describeSubjectRef, subjectKey, type SubjectRef } from '../rbac/subjects';
import { workloadRefOf } from './fixes';
import { AttackGraph } from './graph';
import { serviceAccountOfSpec, workloadIndex, workloadOfPod } from '../indexes';

/** Annotation every kubernetes.io/service-account-token Secret carries (Secrets are read as metadata only). */
const SA_ANNOTATION = 'kubernetes.io/service-account.name';

export interface Context {
  inv: Inventory;
  model: RbacModel;
  graph: AttackGraph;
  clusterMinor: number | null;
  namespaces: string[];
  workloadsByNs: ReadonlyMap<string, readonly Workload[]>;
  /** Nodes each workload's pods run on. */
  nodesOf: Map<Workload, Set<string>>;
  /** Workloads with a pod on each node. */
  onNode: Map<string, Set<Workload>>;
  /** Every pod read and its workload, for rules limited to named pods (resolved on first use). */
  podOwner: () => [namespace: string, pod: string, workload: Workload][];
  serviceAccounts: Map<string, Set<string>>;
  /** ServiceAccounts with automountServiceAccountToken: false. */
  noAutomount: Set<string>;
  /** Legacy token Secrets per namespace: Secret name → ServiceAccount name. */
  legacyTokens: Map<string, Map<string, string>>;
  /** Grants naming each subject directly (subjectKey). */
  grantsOf: Map<string, Grant[]>;
  nodes: string[];
  /** Namespace labels by name. */
  nsLabels: Map<string, Record<string, string>>;
  /** Memos: each workload's vertex, and whether it mounts a token. */
  workloadVertex: Map<Workload, number>;
  /** Identity vertices by kind, namespace ('' outside ServiceAccounts) and name. */
  identityVertex: Partial<Record<SubjectRef['kind'], Map<string, Map<string, number>>>>;
  tokenMounted: Map<Workload, boolean>;
  /** Whether a workload's own identity may get pods/log in its namespace (set by build.ts). */
  canReadLogs?: (w: Workload) => boolean;
}

export function buildContext(inv: Inventory): Context {
  const model = rbacModel(inv);
  const namespaces = [...new Set([...inv.objects.namespaces.map((n) => n.metadata.name), ...inv.implicitNamespaces])].sort();
  // The checks' shared indexes (lib/posture/indexes): built once per inventory for them and for us;
  // each pod's workload was recorded by buildInventory.
  const workloadsByNs = workloadIndex(inv).byNamespace;
  const ownerOf = workloadOfPod(inv);
  const nodesOf = new Map<Workload, Set<string>>();
  const onNode = new Map<string, Set<Workload>>();
  let owned: [string, string, Workload][] | undefined;
  const podOwner = () =>
    (owned ??= inv.objects.pods.flatMap((p) => {
      const w = ownerOf(p);
      return w ? [[p.metadata.namespace ?? 'default', p.metadata.name, w] as [string, string, Workload]] : [];
    }));
  for (const p of inv.objects.pods) {
    const node = typeof p.spec?.nodeName === 'string' ? p.spec.nodeName : null;
    if (!node) continue;
    const w = ownerOf(p);
    if (!w) continue;
    const phase = p.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    let s = nodesOf.get(w);
    if (!s) nodesOf.set(w, (s = new Set()));
    s.add(node);
    let o = onNode.get(node);
    if (!o) onNode.set(node, (o = new Set()));
    o.add(w);
  }
  const serviceAccounts = new Map<string, Set<string>>();
  const noAutomount = new Set<string>();
  for (const sa of inv.objects.serviceaccounts) {
    const ns = sa.metadata.namespace ?? 'default';
    addTo(serviceAccounts, ns, sa.metadata.name);
    if (sa.automountServiceAccountToken === false) noAutomount.add(`${ns}/${sa.metadata.name}`);
  }
  for (const w of inv.workloads) addTo(serviceAccounts, w.namespace, serviceAccountOf(w));
  const legacyTokens = new Map<string, Map<string, string>>();
  for (const s of inv.objects.secrets) {
    const sa = s.metadata.annotations?.[SA_ANNOTATION];
    if (!sa || s.metadata.labels?.['kubernetes.io/legacy-token-invalid-since']) continue;
    const ns = s.metadata.namespace ?? 'default';
    let m = legacyTokens.get(ns);
    if (!m) legacyTokens.set(ns, (m = new Map()));
    m.set(s.metadata.name, sa);
  }
  const grantsOf = new Map<string, Grant[]>();
  for (const g of model.grants) push(grantsOf, subjectKey(g.subject), g);
  const nodes = [...new Set([...inv.objects.nodes.map((n) => n.metadata.name), ...onNode.keys()])].sort();
  return {
    inv,
    model,
    graph: new AttackGraph(),
    clusterMinor: parseClusterMinor(inv.cluster.version),
    namespaces,
    workloadsByNs,
    nodesOf,
    onNode,
    podOwner,
    serviceAccounts,
    noAutomount,
    legacyTokens,
    grantsOf,
    nodes,
    workloadVertex: new Map(),
    identityVertex: {},
    tokenMounted: new Map(),
    nsLabels: new Map(inv.objects.namespaces.map((n) => [n.metadata.name, n.metadata.labels ?? {}])),
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function addTo(m: Map<string, Set<string>>, k: string, v: string) {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

export const serviceAccountOf = (w: Workload): string => serviceAccountOfSpec(w.spec);

/** Whether the workload's containers get its ServiceAccount's token: automounted, or a projected token volume. */
export function mountsToken(ctx: Context, w: Workload): boolean {
  let m = ctx.tokenMounted.get(w);
  if (m === undefined) ctx.tokenMounted.set(w, (m = tokenOf(ctx, w)));
  return m;
}

function tokenOf(ctx: Context, w: Workload): boolean {
  const projected = (Array.isArray(w.spec.volumes) ? w.spec.volumes : []).some(
    (v) =>
      Array.isArray((v.projected as { sources?: unknown[] } | undefined)?.sources) &&
      (v.projected as { sources: { serviceAccountToken?: unknown }[] }).sources.some((s) => s?.serviceAccountToken),
  );
  if (projected) return true;
  if (w.spec.automountServiceAccountToken === false) return false;
  if (w.spec.automountServiceAccountToken === true) return true;
  return !ctx.noAutomount.has(`${w.namespace}/${serviceAccountOf(w)}`);
}

/** Whether admission lets a privileged pod into the namespace: its Pod Security enforce level; `labelled` false = the API server's default. */
export function admitsPrivileged(ctx: Context, ns: string): { admits: boolean; labelled: boolean } {
  const p = parseEnforcePolicy(ctx.nsLabels.get(ns) ?? {}, ctx.clusterMinor);
  return { admits: p.level === 'privileged', labelled: p.labelled };
}

// ---- vertices -------------------------------------------------------------------------------

export const CLUSTER_ADMIN = 'target:cluster-admin';
export const ANY_NODE = 'cap:any-node';

export function vWorkload(ctx: Context, w: Workload): number {
  let v = ctx.workloadVertex.get(w);
  if (v === undefined) ctx.workloadVertex.set(w, (v = workloadVertex(ctx, w)));
  return v;
}

function workloadVertex(ctx: Context, w: Workload): number {
  return ctx.graph.vertex(`workload:${w.kind}/${w.namespace}/${w.name}`, () => ({
    ref: workloadRefOf(w),
    text: `${w.kind} ${w.namespace}/${w.name}`,
    namespace: w.namespace,
    foothold: 'container',
  }));
}

export function vNode(ctx: Context, name: string): number {
  return ctx.graph.vertex(`node:${name}`, () => ({
    ref: { kind: 'Node', namespace: null, name, apiVersion: 'v1' },
    text: `Node ${name}`,
    namespace: null,
    target: 'node',
  }));
}

export function vNodeTokens(ctx: Context, name: string): number {
  return ctx.graph.vertex(`tokens:${name}`, () => ({ ref: null, text: `the credentials on Node ${name}`, namespace: null }));
}

export function vIdentity(ctx: Context, s: SubjectRef): number {
  // ~50,000 calls at 50,000 pods: found by kind, namespace and name without building a key string.
  const ns = s.kind === 'ServiceAccount' ? s.namespace! : '';
  const byNs = (ctx.identityVertex[s.kind] ??= new Map());
  let byName = byNs.get(ns);
  if (!byName) byNs.set(ns, (byName = new Map()));
  let v = byName.get(s.name);
  if (v === undefined) byName.set(s.name, (v = identityVertex(ctx, s)));
  return v;
}

function identityVertex(ctx: Context, s: SubjectRef): number {
  return ctx.graph.vertex(`id:${subjectKey(s)}`, () => ({
    ref: { kind: s.kind, namespace: s.kind === 'ServiceAccount' ? s.namespace! : null, name: s.name },
    text: describeSubjectRef(s),
    namespace: s.kind === 'ServiceAccount' ? s.namespace! : null,
  }));
}

export function vClusterAdmin(ctx: Context): number {
  return ctx.graph.vertex(CLUSTER_ADMIN, () => ({ ref: null, text: 'cluster-admin', namespace: null, target: 'cluster-admin' }));
}

export function vAnyNode(ctx: Context): number {
  return ctx.graph.vertex(ANY_NODE, () => ({ ref: null, text: 'a privileged pod on any node', namespace: null }));
}

/** Namespace-scoped capabilities; scope '*' = every namespace. */
export type CapKind = 'run' | 'exec' | 'secrets' | 'any-sa';
const CAP_TEXT: Record<CapKind, (where: string) => string> = {
  run: (w) => `can run pods ${w}`,
  exec: (w) => `can exec into pods ${w}`,
  secrets: (w) => `every Secret ${w}`,
  'any-sa': (w) => `any ServiceAccount ${w}`,
};

export function vCap(ctx: Context, kind: CapKind, scope: string): number {
  return ctx.graph.vertex(`cap:${kind}:${scope}`, () => {
    const where = scope === '*' ? 'in every namespace' : `in namespace ${scope}`;
    const target =
      kind === 'secrets' ? (scope === '*' ? 'cluster-secrets' : 'namespace-secrets') : kind === 'any-sa' && scope === 'kube-system' ? 'kube-system' : undefined;
    return { ref: null, text: CAP_TEXT[kind](where), namespace: scope === '*' ? null : scope, ...(target ? { target } : {}) };
  });
}
