// Synthetic clusters of a chosen size, shaped like what the API serves: Deployments with their
// ReplicaSets and Pods (ownerReferences, uids), StatefulSets, DaemonSets, CronJobs, RBAC,
// NetworkPolicies, quotas, Nodes with nodeInfo and Trivy VulnerabilityReports. Deterministic
// from a seed, with a realistic mix of well-run and careless objects, for benchmarks and tests.
import type { K8sObject, PodSpec } from '../cluster/types';

export interface SyntheticSize {
  namespaces: number;
  pods: number;
  /** RoleBindings + ClusterRoleBindings. */
  bindings: number;
  nodes: number;
  /** Top-level workloads (Deployments, StatefulSets, DaemonSets, CronJobs); default pods / 4. */
  workloads?: number;
  /** Default: about 70% of namespaces get a default-deny policy. */
  networkPolicies?: number;
  /** Default: one per Deployment/StatefulSet container image, about 60% of workloads. */
  vulnerabilityReports?: number;
  seed?: number;
}

export interface SyntheticCounts {
  namespaces: number;
  workloads: number;
  pods: number;
  bindings: number;
  networkPolicies: number;
  nodes: number;
  vulnerabilityReports: number;
}

const BASE_TIME = Date.parse('2026-06-01T00:00:00Z');
const TEAMS = ['payments', 'search', 'ads', 'identity', 'media', 'data', 'ml', 'web', 'mobile', 'billing', 'growth', 'infra'];
const APPS = ['api', 'worker', 'frontend', 'cache', 'indexer', 'gateway', 'scheduler', 'exporter', 'sync', 'render'];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCluster(size: SyntheticSize): { objects: K8sObject[]; counts: SyntheticCounts } {
  const rand = seededRandom(size.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const hex = (n: number) => {
    let s = '';
    while (s.length < n)
      s += Math.floor(rand() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return s.slice(0, n);
  };
  const uid = () => {
    const h = hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const suffix = (n: number) => {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  };
  let rv = 1000;
  const meta = (name: string, namespace: string | undefined, extra: Record<string, unknown> = {}) => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: uid(),
    resourceVersion: String(++rv),
    creationTimestamp: new Date(BASE_TIME + Math.floor(rand() * 90 * 86400) * 1000).toISOString(),
    ...extra,
  });

  const objects: K8sObject[] = [];
  const nsCount = Math.max(1, size.namespaces);
  const workloadCount = Math.max(1, size.workloads ?? Math.ceil(size.pods / 4));
  const policyCount = size.networkPolicies ?? Math.round(nsCount * 0.7);
  const reportBudget = size.vulnerabilityReports ?? Math.round(workloadCount * 0.6);

  // Nodes: most current, some old kubelets and end-of-life OS images; the first three run the control plane.
  const nodeNames: string[] = [];
  for (let i = 0; i < size.nodes; i++) {
    const name = `node-${String(i).padStart(4, '0')}`;
    nodeNames.push(name);
    const old = rand() < 0.1;
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `zone-${i % 3}` };
    if (i < 3) labels['node-role.kubernetes.io/control-plane'] = '';
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(name, undefined, { labels }),
      spec: {
        podCIDR: `10.${(i >> 8) & 255}.${i & 255}.0/24`,
        ...(i < 3 ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
      },
      status: {
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
        addresses: [{ type: 'InternalIP', address: `10.0.${(i >> 8) & 255}.${i & 255}` }],
        nodeInfo: {
          kubeletVersion: old ? 'v1.29.10' : 'v1.35.1',
          kubeProxyVersion: old ? 'v1.29.10' : 'v1.35.1',
          kernelVersion: old ? '5.4.0-150-generic' : '6.8.0-1015-aws',
          osImage: old ? 'Ubuntu 18.04.6 LTS' : 'Ubuntu 24.04.1 LTS',
          containerRuntimeVersion: old ? 'containerd://1.6.8' : 'containerd://2.3.2',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    });
  }

  // Namespaces with their guard rails: most enforce a Pod Security level, many have quotas and policies.
  const namespaces: string[] = [];
  for (let i = 0; i < nsCount; i++) {
    const name = `${TEAMS[i % TEAMS.length]}-${String(i).padStart(5, '0')}`;
    namespaces.push(name);
    const r = rand();
    const labels: Record<string, string> = { 'kubernetes.io/metadata.name': name, team: TEAMS[i % TEAMS.length]! };
    if (r < 0.6) labels['pod-security.kubernetes.io/enforce'] = 'restricted';
    else if (r < 0.8) labels['pod-security.kubernetes.io/enforce'] = 'baseline';
    objects.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: meta(name, undefined, { labels }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', name) });
    if (rand() < 0.7) {
      objects.push({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: meta('compute', name),
        spec: { hard: { 'requests.cpu': '20', 'requests.memory': '64Gi', 'limits.cpu': '40', 'limits.memory': '128Gi', pods: '200' } },
      });
    }
    if (rand() < 0.5) {
      objects.push({
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: meta('defaults', name),
        spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] },
      });
    }
    objects.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta('app-reader', name),
      rules: [{ apiGroups: [''], resources: ['configmaps', 'pods'], verbs: ['get', 'list', 'watch'] }],
    });
  }
  let networkPolicies = 0;
  for (let i = 0; i < policyCount; i++) {
    const ns = namespaces[i % nsCount]!;
    const round = Math.floor(i / nsCount);
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: meta(round === 0 ? 'default-deny' : `allow-${round}`, ns),
      spec:
        round === 0
          ? { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }
          : { podSelector: { matchLabels: { tier: 'web' } }, ingress: [{ from: [{ podSelector: {} }] }] },
    });
    networkPolicies++;
  }

  // Workloads spread over the namespaces, pods spread over the workloads.
  const perWorkload = Math.floor(size.pods / workloadCount);
  let extraPods = size.pods - perWorkload * workloadCount;
  let pods = 0;
  let reports = 0;
  for (let i = 0; i < workloadCount; i++) {
    const ns = namespaces[i % nsCount]!;
    const app = `${pick(APPS)}-${String(i).padStart(6, '0')}`;
    const replicas = perWorkload + (extraPods-- > 0 ? 1 : 0);
    const r = rand();
    const kind = r < 0.78 ? 'Deployment' : r < 0.9 ? 'StatefulSet' : r < 0.95 ? 'DaemonSet' : 'CronJob';
    const careless = rand() < 0.25;
    const sa = careless ? 'default' : app;
    if (!careless) objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(app, ns), automountServiceAccountToken: false });
    const image = careless ? `docker.io/library/${pick(['nginx', 'redis', 'python', 'node'])}:latest` : `registry.acme.internal/${ns}/${app}@sha256:${hex(64)}`;
    const spec = podSpec(careless, rand, image, sa);
    const labels = { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': ns };
    const template = { metadata: { labels }, spec };
    const top = meta(app, ns, { labels, generation: 3 });
    let podOwner: { apiVersion: string; kind: string; name: string; uid: string };
    let podPrefix: string;
    if (kind === 'Deployment') {
      objects.push({
        apiVersion: 'apps/v1',
        kind,
        metadata: top,
        spec: { replicas, selector: { matchLabels: { app } }, strategy: { type: 'RollingUpdate' }, template },
        status: { replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 3 },
      });
      const hash = suffix(10);
      const rsName = `${app}-${hash}`;
      const rsMeta = meta(rsName, ns, {
        labels: { ...labels, 'pod-template-hash': hash },
        ownerReferences: [{ apiVersion: 'apps/v1', kind, name: app, uid: top.uid, controller: true, blockOwnerDeletion: true }],
      });
      objects.push({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: rsMeta,
        spec: {
          replicas,
          selector: { matchLabels: { app, 'pod-template-hash': hash } },
          template: { metadata: { labels: { ...labels, 'pod-template-hash': hash } }, spec },
        },
        status: { replicas, readyReplicas: replicas },
      });
      podOwner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rsMeta.uid };
      podPrefix = rsName;
    } else if (kind === 'CronJob') {
      objects.push({
        apiVersion: 'batch/v1',
        kind,
        metadata: top,
        spec: { schedule: '*/30 * * * *', jobTemplate: { spec: { template: { metadata: { labels }, spec: { ...spec, restartPolicy: 'OnFailure' } } } } },
      });
      const jobName = `${app}-${29000000 + i}`;
      const jobMeta = meta(jobName, ns, { labels, ownerReferences: [{ apiVersion: 'batch/v1', kind, name: app, uid: top.uid, controller: true }] });
      objects.push({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: jobMeta,
        spec: { template: { metadata: { labels }, spec: { ...spec, restartPolicy: 'OnFailure' } } },
      });
      podOwner = { apiVersion: 'batch/v1', kind: 'Job', name: jobName, uid: jobMeta.uid };
      podPrefix = jobName;
    } else {
      objects.push({ apiVersion: 'apps/v1', kind, metadata: top, spec: { replicas, selector: { matchLabels: { app } }, template }, status: { replicas } });
      podOwner = { apiVersion: 'apps/v1', kind, name: app, uid: top.uid };
      podPrefix = app;
    }
    for (let p = 0; p < replicas; p++) {
      const name = kind === 'StatefulSet' ? `${podPrefix}-${p}` : `${podPrefix}-${suffix(5)}`;
      const node = nodeNames.length ? nodeNames[Math.floor(rand() * nodeNames.length)]! : undefined;
      objects.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: meta(name, ns, { labels, ownerReferences: [{ ...podOwner, controller: true, blockOwnerDeletion: true }] }),
        spec: { ...spec, ...(node ? { nodeName: node } : {}), restartPolicy: kind === 'CronJob' ? 'OnFailure' : 'Always' },
        status: {
          phase: 'Running',
          hostIP: `10.0.0.${p % 250}`,
          podIP: `10.1.${(pods >> 8) & 255}.${pods & 255}`,
          qosClass: careless ? 'BestEffort' : 'Burstable',
          containerStatuses: [{ name: 'app', ready: true, restartCount: 0, image, imageID: `${image.split(/[:@]/)[0]}@sha256:${hex(64)}`, started: true }],
        },
      });
      pods++;
    }
    // Trivy reports name the ReplicaSet (Deployment) or the workload itself.
    if (reports < reportBudget && kind !== 'CronJob') {
      const target = kind === 'Deployment' ? podOwner : { kind, name: app };
      const critical = careless ? Math.floor(rand() * 4) : 0;
      const high = Math.floor(rand() * (careless ? 12 : 3));
      objects.push({
        apiVersion: 'aquasecurity.github.io/v1alpha1',
        kind: 'VulnerabilityReport',
        metadata: meta(`${target.kind.toLowerCase()}-${target.name}-app`, ns, {
          labels: {
            'trivy-operator.resource.kind': target.kind,
            'trivy-operator.resource.name': target.name,
            'trivy-operator.resource.namespace': ns,
            'trivy-operator.container.name': 'app',
          },
        }),
        report: {
          artifact: { repository: image.replace(/^[^/]+\//, '').split(/[:@]/)[0], tag: careless ? 'latest' : undefined },
          registry: { server: image.split('/')[0] },
          scanner: { name: 'Trivy', vendor: 'Aqua Security', version: '0.56.2' },
          summary: { criticalCount: critical, highCount: high, mediumCount: Math.floor(rand() * 20), lowCount: Math.floor(rand() * 30), unknownCount: 0 },
          vulnerabilities: [
            ...Array.from({ length: critical }, (_, k) => vuln('CRITICAL', k, rand)),
            ...Array.from({ length: Math.min(high, 3) }, (_, k) => vuln('HIGH', k, rand)),
          ],
        },
      });
      reports++;
    }
  }

  // Bindings: mostly namespace-scoped reads; a few cluster-wide ones, some of them dangerous.
  for (let i = 0; i < size.bindings; i++) {
    const ns = namespaces[i % nsCount]!;
    const r = rand();
    if (r < 0.95) {
      objects.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: meta(`read-${String(i).padStart(6, '0')}`, ns),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: rand() < 0.5 ? 'Role' : 'ClusterRole', name: rand() < 0.5 ? 'app-reader' : 'view' },
        subjects: [
          rand() < 0.7
            ? { kind: 'ServiceAccount', name: 'default', namespace: ns }
            : { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: `${TEAMS[i % TEAMS.length]}-developers` },
        ],
      });
    } else {
      const dangerous = r > 0.995;
      objects.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: meta(`${dangerous ? 'ops-admin' : 'cluster-view'}-${String(i).padStart(6, '0')}`, undefined),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: dangerous ? 'cluster-admin' : 'view' },
        subjects:
          dangerous && rand() < 0.2
            ? [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:unauthenticated' }]
            : [{ kind: 'ServiceAccount', name: 'default', namespace: ns }],
      });
    }
  }

  return {
    objects,
    counts: { namespaces: nsCount, workloads: workloadCount, pods, bindings: size.bindings, networkPolicies, nodes: size.nodes, vulnerabilityReports: reports },
  };
}

function podSpec(careless: boolean, rand: () => number, image: string, serviceAccountName: string): PodSpec {
  if (!careless) {
    return {
      serviceAccountName,
      automountServiceAccountToken: false,
      securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'app',
          image,
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 8080, protocol: 'TCP' }],
          resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
        },
      ],
      volumes: [{ name: 'tmp', emptyDir: {} }],
    };
  }
  const r = rand();
  return {
    serviceAccountName,
    ...(r < 0.1 ? { hostNetwork: true } : {}),
    ...(r > 0.9 ? { hostPID: true } : {}),
    containers: [
      {
        name: 'app',
        image,
        imagePullPolicy: 'Always',
        ports: [{ containerPort: 80, ...(r < 0.2 ? { hostPort: 80 } : {}) }],
        ...(r < 0.3 ? { securityContext: { privileged: true } } : r < 0.6 ? { securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_ADMIN'] } } } : {}),
      },
    ],
    volumes: r < 0.4 ? [{ name: 'host', hostPath: { path: '/var/run/docker.sock', type: 'Socket' } }] : [{ name: 'data', emptyDir: {} }],
  };
}

function vuln(severity: string, k: number, rand: () => number) {
  return {
    vulnerabilityID: `CVE-2024-${10000 + Math.floor(rand() * 50000)}`,
    severity,
    resource: ['openssl', 'glibc', 'zlib', 'curl', 'libxml2'][k % 5],
    installedVersion: '1.0.0',
    fixedVersion: rand() < 0.7 ? '1.0.1' : '',
    title: `${severity.toLowerCase()} issue`,
  };
}

/** The objects as `kubectl get -o json` prints several kinds: one List. */
export function asKubectlList(objects: readonly K8sObject[]): {
  apiVersion: 'v1';
  kind: 'List';
  metadata: { resourceVersion: string };
  items: readonly K8sObject[];
} {
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: objects };
}
