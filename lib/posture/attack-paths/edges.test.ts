// Each edge of the catalogue: a cluster that plants it, and one that does not.
import { describe, expect, it } from 'vitest';
import type { K8sObject, PodSpec } from '../../cluster/types';
import { inventoryOf, namespace } from '../test-inventory';
import { buildAttackGraph } from './build';

const NODE: K8sObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
const EKS_NODE: K8sObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'n2', labels: { 'eks.amazonaws.com/nodegroup': 'ng' } },
  spec: { providerID: 'aws:///eu-west-1a/i-0abc' },
};
const IMAGE = 'registry.example/app@sha256:' + 'a'.repeat(64);

function running(spec: PodSpec, extra: Partial<PodSpec> = {}, ns = 'app'): K8sObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: ns }, spec: { nodeName: 'n1', ...spec, ...extra }, status: { phase: 'Running' } };
}
const container = (securityContext: object = {}, volumeMounts: object[] = []) => ({ name: 'c', image: IMAGE, securityContext, volumeMounts });
const withHost = (path: string, readOnly = false, sc: object = {}): PodSpec => ({
  containers: [container(sc, [{ name: 'h', mountPath: '/host', readOnly }])] as PodSpec['containers'],
  volumes: [{ name: 'h', hostPath: { path } }],
});
const plain = (sc: object = {}): PodSpec => ({ containers: [container(sc)] as PodSpec['containers'] });

function role(name: string, rules: object[]): K8sObject {
  return { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules };
}
function bind(kind: 'ClusterRoleBinding' | 'RoleBinding', roleName: string, subject: object, ns?: string): K8sObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name: `b-${roleName}`, ...(ns ? { namespace: ns } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
    subjects: [subject],
  };
}
const ALICE = { kind: 'User', name: 'alice' };
/** alice holds `rules` cluster-wide (or in namespace app). */
const grant = (rules: object[], where: 'cluster' | 'app' = 'cluster') => [
  role('r', rules),
  where === 'cluster' ? bind('ClusterRoleBinding', 'r', ALICE) : bind('RoleBinding', 'r', ALICE, 'app'),
];
const rule = (verbs: string[], resources: string[], apiGroups = [''], resourceNames?: string[]) => ({
  verbs,
  resources,
  apiGroups,
  ...(resourceNames ? { resourceNames } : {}),
});

function edges(objects: K8sObject[], version?: string) {
  const ctx = buildAttackGraph(inventoryOf([namespace('app', { 'pod-security.kubernetes.io/enforce': 'baseline' }), NODE, ...objects], { version }));
  const g = ctx.graph;
  return g.edges.map((e) => ({ rule: e.rule, from: g.vertices[e.from]!.text, to: g.vertices[e.to]!.text, possible: e.possible }));
}

type Case = [id: string, plants: K8sObject[], not: K8sObject[], to?: string, version?: string];
const cases: Case[] = [
  ['escape-privileged', [running(plain({ privileged: true }))], [running(plain({ privileged: false }))], 'Node n1'],
  ['escape-privileged-host-pid', [running(plain({ privileged: true }), { hostPID: true })], [running(plain({ privileged: true }))], 'Node n1'],
  ['escape-sys-module', [running(plain({ capabilities: { add: ['SYS_MODULE'] } }))], [running(plain({ capabilities: { add: ['NET_ADMIN'] } }))], 'Node n1'],
  [
    'escape-sys-ptrace',
    [running(plain({ capabilities: { add: ['SYS_PTRACE', 'SYS_ADMIN'] } }), { hostPID: true })],
    [running(plain({ capabilities: { add: ['SYS_PTRACE', 'SYS_ADMIN'] } }))],
    'Node n1',
  ],
  ['escape-sys-admin', [running(plain({ capabilities: { add: ['CAP_SYS_ADMIN'] } }))], [running(plain({ capabilities: { add: ['CHOWN'] } }))], 'Node n1'],
  ['escape-host-write', [running(withHost('/etc'))], [running(withHost('/etc', true))], 'Node n1'],
  ['escape-host-read', [running(withHost('/var/lib/kubelet', true))], [running(withHost('/data', true))], 'the credentials on Node n1'],
  ['escape-runtime-socket', [running(withHost('/run/containerd', true))], [running(withHost('/run/user', true))], 'Node n1'],
  [
    'escape-var-log',
    [
      running(withHost('/var/log')),
      ...[role('logs', [rule(['get'], ['pods/log'])]), bind('RoleBinding', 'logs', { kind: 'ServiceAccount', name: 'default', namespace: 'app' }, 'app')],
    ],
    [running(withHost('/var/log'))],
    'Node n1',
  ],
  ['node-credentials', [running(plain())], [running(plain(), { automountServiceAccountToken: false })], 'ServiceAccount app/default'],
  ['workload-identity', [running(plain())], [running(plain(), { automountServiceAccountToken: false })], 'ServiceAccount app/default'],
  [
    'run-as-service-account',
    [namespace('open')],
    [namespace('closed', { 'pod-security.kubernetes.io/enforce': 'restricted' })],
    'a privileged pod on any node',
  ],
  ['exec-into-pods', [running(plain())], [], 'Pod app/p'],
  [
    'legacy-tokens',
    [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', namespace: 'app', annotations: { 'kubernetes.io/service-account.name': 'ci' } } }],
    [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: 't',
          namespace: 'app',
          labels: { 'kubernetes.io/legacy-token-invalid-since': '2026-01-01' },
          annotations: { 'kubernetes.io/service-account.name': 'ci' },
        },
      },
    ],
    'ServiceAccount app/ci',
  ],
  ['holds-everything', grant([rule(['*'], ['*'], ['*'])]), grant([rule(['*'], ['pods'], ['*'])]), 'cluster-admin'],
  [
    'create-workloads',
    grant([rule(['create'], ['deployments'], ['apps'])], 'app'),
    grant([rule(['create'], ['deployments'], [''])], 'app'),
    'can run pods in namespace app',
  ],
  ['exec-attach', grant([rule(['get'], ['pods/exec'])], 'app'), grant([rule(['get'], ['pods/exec'])], 'app'), 'can exec into pods in namespace app'],
  ['read-secrets', grant([rule(['list'], ['secrets'])], 'app'), grant([rule(['get'], ['secrets'], [''], ['x'])], 'app'), 'every Secret in namespace app'],
  [
    'create-token',
    grant([rule(['create'], ['serviceaccounts/token'])], 'app'),
    grant([rule(['create'], ['serviceaccounts'])], 'app'),
    'any ServiceAccount in namespace app',
  ],
  [
    'rbac-escalation',
    grant([rule(['create'], ['clusterrolebindings'], ['rbac.authorization.k8s.io']), rule(['bind'], ['clusterroles'], ['rbac.authorization.k8s.io'])]),
    grant([rule(['create'], ['clusterrolebindings'], ['rbac.authorization.k8s.io'])]),
    'cluster-admin',
  ],
  ['impersonate', grant([rule(['impersonate'], ['groups'])]), grant([rule(['impersonate'], ['groups'])], 'app'), 'cluster-admin'],
  [
    'csr-approve',
    grant([
      rule(['create'], ['certificatesigningrequests'], ['certificates.k8s.io']),
      rule(['update'], ['certificatesigningrequests/approval'], ['certificates.k8s.io']),
      rule(['approve'], ['signers'], ['certificates.k8s.io'], ['kubernetes.io/kube-apiserver-client']),
    ]),
    grant([
      rule(['create'], ['certificatesigningrequests'], ['certificates.k8s.io']),
      rule(['update'], ['certificatesigningrequests/approval'], ['certificates.k8s.io']),
    ]),
    'cluster-admin',
  ],
  ['nodes-proxy', grant([rule(['get'], ['nodes/proxy'])]), grant([rule(['get'], ['nodes/proxy'])], 'app'), 'can exec into pods in every namespace'],
  [
    'admission-webhooks',
    grant([rule(['patch'], ['mutatingwebhookconfigurations'], ['admissionregistration.k8s.io'])]),
    grant([rule(['patch'], ['validatingwebhookconfigurations'], ['admissionregistration.k8s.io'])]),
    'can run pods in every namespace',
  ],
  [
    'namespace-labels',
    grant([rule(['patch'], ['namespaces']), rule(['create'], ['pods'])], 'app'),
    grant([rule(['create'], ['pods'])], 'app'),
    'a privileged pod on any node',
  ],
  [
    'aws-auth',
    [EKS_NODE, ...grant([rule(['patch'], ['configmaps'], [''], ['aws-auth'])])],
    grant([rule(['patch'], ['configmaps'], [''], ['aws-auth'])]),
    'cluster-admin',
  ],
  [
    'exposure',
    [
      running(plain()),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'app' }, spec: { type: 'LoadBalancer', selector: { app: 'x' } } },
    ],
    [running(plain()), { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'app' }, spec: { type: 'ClusterIP', selector: { app: 'x' } } }],
  ],
];

describe('the edge catalogue', () => {
  it.each(cases)('%s: planted where its precondition holds, not otherwise', (id, plants, not, to) => {
    const version = id === 'exec-attach' ? undefined : 'v1.35.0';
    // exposure: the pod carries the selected label
    const label = (objs: K8sObject[]) =>
      objs.map((o) => (o.kind === 'Pod' && id === 'exposure' ? { ...o, metadata: { ...o.metadata, labels: { app: 'x' } } } : o));
    const yes = edges(label(plants), version).filter((e) => e.rule === id && (!to || e.to === to));
    expect(yes.length).toBeGreaterThan(0);
    if (not.length === 0) return;
    const no = edges(label(not), id === 'exec-attach' ? 'v1.35.0' : version).filter((e) => e.rule === id && (!to || e.to === to));
    expect(no).toEqual([]);
  });

  it('marks an edge "possible" where it depends on what the API does not show (the kernel)', () => {
    const [e] = edges([running(plain({ capabilities: { add: ['SYS_MODULE'] } }))]).filter((x) => x.rule === 'escape-sys-module');
    expect(e!.possible).toBe(true);
    const [p] = edges([running(plain({ privileged: true }))]).filter((x) => x.rule === 'escape-privileged');
    expect(p!.possible).toBe(false);
  });
});
