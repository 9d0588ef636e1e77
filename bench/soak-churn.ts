// The soak's cluster churn: pods, namespaces and RoleBindings added, changed and deleted through
// the fake API server, with a model of what the cluster holds so the soak can check that the
// posture followed it. Populations are capped, so the cluster's size stays about the same.
import type { K8sObject } from '../lib/cluster/types';
import type { PostureDocument } from '../lib/posture/types';
import type { FakeCluster } from '../e2e/fake-cluster/server';

export interface ChurnChange {
  op: 'add' | 'modify' | 'delete';
  kind: 'Pod' | 'Namespace' | 'RoleBinding';
  namespace?: string;
  name: string;
  /** A short account of what the posture should now show, for the report. */
  expect: string;
}

const CAP = { Pod: 40, Namespace: 10, RoleBinding: 20 } as const;
const PRIVILEGED_CHECK = 'pod-security.pss.privileged';
const ADMIN_CHECK = 'rbac.binds-cluster-admin';

const keyOf = (o: K8sObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export class Churn {
  /** Everything the fake cluster holds, by kind/namespace/name: fake.setObjects gets it whole. */
  private readonly all = new Map<string, K8sObject>();
  private readonly baseNamespaces: string[];
  private next = 0;
  private rand: () => number;
  applied = 0;
  last: ChurnChange | null = null;

  constructor(
    private readonly fake: FakeCluster,
    objects: readonly K8sObject[],
    seed = 42,
  ) {
    for (const o of objects) this.all.set(keyOf(o), o);
    this.baseNamespaces = objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name);
    let a = seed >>> 0;
    this.rand = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  objects(): K8sObject[] {
    return [...this.all.values()];
  }

  /** The soak's own objects of one kind (name prefix soak-). */
  private ours(kind: ChurnChange['kind']): K8sObject[] {
    return [...this.all.values()].filter((o) => o.kind === kind && o.metadata.name.startsWith('soak-'));
  }

  /** Applies one random change to the fake cluster and the model. */
  step(): ChurnChange {
    const kinds: ChurnChange['kind'][] = ['Pod', 'Pod', 'Pod', 'RoleBinding', 'RoleBinding', 'Namespace'];
    const kind = kinds[Math.floor(this.rand() * kinds.length)]!;
    const existing = this.ours(kind);
    const r = this.rand();
    const op: ChurnChange['op'] = existing.length === 0 ? 'add' : existing.length >= CAP[kind] ? (r < 0.5 ? 'delete' : 'modify') : r < 0.45 ? 'add' : r < 0.75 ? 'modify' : 'delete';
    const target = op === 'add' ? null : existing[Math.floor(this.rand() * existing.length)]!;
    const change = kind === 'Pod' ? this.pod(op, target) : kind === 'RoleBinding' ? this.binding(op, target) : this.namespace(op, target);
    this.applied++;
    this.last = change;
    return change;
  }

  private put(o: K8sObject) {
    this.all.set(keyOf(o), this.fake.applyObject(o));
  }

  private remove(o: K8sObject) {
    this.fake.deleteObject(o.kind, o.metadata.namespace, o.metadata.name);
    this.all.delete(keyOf(o));
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  private pod(op: ChurnChange['op'], target: K8sObject | null): ChurnChange {
    if (op === 'delete') {
      this.remove(target!);
      return { op, kind: 'Pod', namespace: target!.metadata.namespace, name: target!.metadata.name, expect: 'no finding for the pod' };
    }
    const namespace = target?.metadata.namespace ?? this.pick(this.baseNamespaces);
    const name = target?.metadata.name ?? `soak-pod-${this.next++}`;
    // A new pod is privileged half the time; a change flips it.
    const privileged = target ? !isPrivileged(target) : this.rand() < 0.5;
    this.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: { app: 'soak' } },
      spec: { containers: [{ name: 'app', image: `registry.acme.internal/soak:${this.next}`, securityContext: { privileged } }] },
      status: { phase: 'Running' },
    });
    return { op, kind: 'Pod', namespace, name, expect: privileged ? `${PRIVILEGED_CHECK} finding` : `no ${PRIVILEGED_CHECK} finding` };
  }

  private binding(op: ChurnChange['op'], target: K8sObject | null): ChurnChange {
    if (op === 'delete') {
      this.remove(target!);
      return { op, kind: 'RoleBinding', namespace: target!.metadata.namespace, name: target!.metadata.name, expect: 'no finding for the binding' };
    }
    const namespace = target?.metadata.namespace ?? this.pick(this.baseNamespaces);
    const name = target?.metadata.name ?? `soak-rb-${this.next++}`;
    // roleRef cannot change on a real cluster: a change gives the binding another subject.
    const user = `soak-user-${this.next++}`;
    this.put({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
    });
    return { op, kind: 'RoleBinding', namespace, name, expect: `${ADMIN_CHECK} finding naming User ${user}` };
  }

  private namespace(op: ChurnChange['op'], target: K8sObject | null): ChurnChange {
    if (op === 'delete') {
      this.remove(target!);
      return { op, kind: 'Namespace', name: target!.metadata.name, expect: 'the namespace gone from the namespace list' };
    }
    const name = target?.metadata.name ?? `soak-ns-${this.next++}`;
    const level = this.pick(['baseline', 'restricted', 'privileged']);
    this.put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name, 'pod-security.kubernetes.io/enforce': level } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    return { op, kind: 'Namespace', name, expect: `the namespace listed, enforcing ${level}` };
  }

  /** Where the posture differs from the model on the soak's objects; empty when it has caught up. */
  mismatches(doc: PostureDocument, limit = 3): string[] {
    const out: string[] = [];
    const compare = (what: string, want: Set<string>, got: Set<string>) => {
      const missing = [...want].filter((k) => !got.has(k));
      const extra = [...got].filter((k) => !want.has(k));
      const list = (xs: string[]) => `${xs.slice(0, limit).join(', ')}${xs.length > limit ? ` (+${xs.length - limit})` : ''}`;
      if (missing.length) out.push(`${what} missing from the posture: ${list(missing)}`);
      if (extra.length) out.push(`${what} in the posture but not in the cluster: ${list(extra)}`);
    };
    const findings = (checkId: string, kind: string) =>
      new Set(
        doc.findings
          .filter((f) => f.checkId === checkId && f.resource.kind === kind && f.resource.name.startsWith('soak-'))
          .map((f) => `${f.resource.namespace}/${f.resource.name}${kind === 'RoleBinding' ? ` ${/User (soak-user-\d+)/.exec(f.message)?.[1]}` : ''}`),
      );
    compare(
      'privileged pods',
      new Set(this.ours('Pod').filter(isPrivileged).map((p) => `${p.metadata.namespace}/${p.metadata.name}`)),
      findings(PRIVILEGED_CHECK, 'Pod'),
    );
    compare(
      'cluster-admin bindings',
      new Set(this.ours('RoleBinding').map((b) => `${b.metadata.namespace}/${b.metadata.name} ${(b.subjects as { name: string }[])[0]!.name}`)),
      findings(ADMIN_CHECK, 'RoleBinding'),
    );
    const levels = (ns: PostureDocument['namespaces'][number]) => `${ns.name} ${ns.podSecurity?.labelled ? ns.podSecurity.level : '-'}`;
    compare(
      'namespaces',
      new Set(this.ours('Namespace').map((n) => `${n.metadata.name} ${n.metadata.labels!['pod-security.kubernetes.io/enforce']}`)),
      new Set(doc.namespaces.filter((n) => n.name.startsWith('soak-')).map(levels)),
    );
    return out;
  }
}

/** Whether the posture shows this change: no mismatch names its object. */
export function reflects(mismatches: string[], change: ChurnChange): boolean {
  const word = new RegExp(`[ /]${change.name}(?![\\w-])`);
  return !mismatches.some((m) => word.test(m));
}

function isPrivileged(pod: K8sObject): boolean {
  return (pod.spec?.containers as { securityContext?: { privileged?: boolean } }[] | undefined)?.some((c) => c.securityContext?.privileged) ?? false;
}
