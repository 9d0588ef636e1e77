// Posture documents for the snapshot tests, computed by the real engine.
import { computePosture } from '@/lib/posture/engine';
import { binding, deployment, inventoryOf, namespace } from '@/lib/posture/test-inventory';
import type { PostureDocument } from '@/lib/posture/types';

export function sampleDocument(opts: { cluster?: string; generatedAt?: string; privileged?: boolean } = {}): PostureDocument {
  const spec = {
    containers: [
      {
        name: 'app',
        image: 'nginx:1.27',
        securityContext: opts.privileged ? { privileged: true } : {},
      },
    ],
  };
  const doc = computePosture(
    inventoryOf([
      namespace('shop'),
      namespace('web'),
      deployment('shop', 'cart', spec),
      deployment('web', 'front', { containers: [{ name: 'f', image: 'nginx' }] }),
    ]),
    { now: new Date(opts.generatedAt ?? '2026-11-22T10:00:00Z') },
  );
  return { ...doc, generatedAt: opts.generatedAt ?? doc.generatedAt, cluster: { ...doc.cluster, name: opts.cluster ?? 'test' } };
}

/** Every name this cluster holds contains PLANT, so a test can look for any of them at once. */
export const PLANT = 'zq';

/**
 * A posture document computed from a cluster whose every name is planted: namespaces (one is
 * called `default`, as the prose says "the default level"), objects, RBAC subjects,
 * ServiceAccounts, Ingress hosts, a private registry and its images, containers, a node, the
 * cluster, a coverage tool's DaemonSet, and an API error naming the dashboard's ServiceAccount.
 */
export function plantedDocument(): PostureDocument {
  const image = 'zqreg.corp.example:5000/zqteam/zqledger:latest';
  const app = (name: string) => ({ containers: [{ name: `zqctr-${name}`, image, securityContext: { privileged: true } }] });
  const inv = inventoryOf(
    [
      namespace('default'),
      namespace('zqns-payments', { 'pod-security.kubernetes.io/enforce': 'privileged' }),
      namespace('zqns-security', { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'zqver' }),
      deployment('default', 'zqobj-web', app('web')),
      deployment('zqns-payments', 'zqobj-ledger', {
        containers: [{ ...app('ledger').containers[0]!, livenessProbe: { httpGet: { host: 'zqprobe.internal', port: 80 } } }],
        volumes: [{ name: 'zqvol-data', hostPath: { path: '/srv/zqpath' } }],
        serviceAccountName: 'zqsa-ledger',
      }),
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'zqobj-falco', namespace: 'zqns-security' },
        spec: { template: { metadata: { labels: { app: 'falco' } }, spec: { containers: [{ name: 'zqctr-falco', image: 'zqreg.corp.example:5000/falcosecurity/falco:0.38.0' }] } } },
      },
      { apiVersion: 'v1', kind: 'Node', metadata: { name: 'zqnode-1', labels: {} }, spec: { taints: [{ key: 'zq', effect: 'NoSchedule' }] } },
      binding('ClusterRoleBinding', 'zqbind-ops', 'cluster-admin', [
        { kind: 'User', name: 'zqsubj-alice' },
        { kind: 'ServiceAccount', name: 'zqsa-deployer', namespace: 'zqns-payments' },
      ]),
      binding('RoleBinding', 'zqbind-anon', 'view', [{ kind: 'Group', name: 'system:unauthenticated' }], 'zqns-payments'),
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'zqobj-shop', namespace: 'zqns-payments' },
        spec: { rules: [{ host: 'zqhost.shop.example' }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'zqobj-token', namespace: 'zqns-payments', annotations: { 'kubernetes.io/service-account.name': 'zqsa-legacy' } },
      },
    ],
    {
      missing: {
        vulnerabilityreports: {
          reason: 'forbidden',
          detail: 'vulnerabilityreports.aquasecurity.github.io is forbidden: User "system:serviceaccount:zqns-posture:zqsa-reader" cannot list resource',
        },
      },
    },
  );
  inv.cluster.name = 'zqcluster-prod';
  return { ...computePosture(inv, { now: new Date('2026-11-22T10:00:00Z') }), view: { restrictedTo: ['zqns-payments'] } };
}
