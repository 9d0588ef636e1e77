// Other engines' network policies over the live path: the fake API server serves Cilium and
// AdminNetworkPolicy CRDs, Calico's CRDs and its aggregated projectcalico.org/v3 API; the scan
// lists them (Calico's NetworkPolicy apart from Kubernetes') and the pods they isolate pass.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../lib/cluster/inventory';
import { scanLive } from '../lib/cluster/live';
import type { K8sObject } from '../lib/cluster/types';
import { computePosture } from '../lib/posture/engine';
import { startFakeCluster } from './fake-cluster/server';

const crd = (group: string, kind: string, plural: string, scope: 'Namespaced' | 'Cluster', version: string): K8sObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: `${plural}.${group}` },
  spec: { group, scope, names: { kind, plural, singular: kind.toLowerCase() }, versions: [{ name: version, served: true, storage: true }] },
});
const deployment = (ns: string, app: string): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: app, namespace: ns },
  spec: { selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
});

const OBJECTS: K8sObject[] = [
  crd('cilium.io', 'CiliumNetworkPolicy', 'ciliumnetworkpolicies', 'Namespaced', 'v2'),
  crd('crd.projectcalico.org', 'NetworkPolicy', 'networkpolicies', 'Namespaced', 'v1'),
  crd('crd.projectcalico.org', 'GlobalNetworkPolicy', 'globalnetworkpolicies', 'Cluster', 'v1'),
  crd('policy.networking.k8s.io', 'AdminNetworkPolicy', 'adminnetworkpolicies', 'Cluster', 'v1alpha1'),
  { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', metadata: { name: 'v3.projectcalico.org' }, spec: { group: 'projectcalico.org', version: 'v3' } },
  ...['shop', 'blog', 'admin'].map((name): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } })),
  deployment('shop', 'web'),
  deployment('blog', 'wp'),
  deployment('admin', 'panel'),
  { apiVersion: 'cilium.io/v2', kind: 'CiliumNetworkPolicy', metadata: { name: 'web', namespace: 'shop' }, spec: { endpointSelector: {}, ingress: [{}] } },
  { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata: { name: 'wp', namespace: 'blog' }, spec: { selector: "app == 'wp'", types: ['Ingress'] } },
  {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'admin-in' },
    spec: { priority: 1, subject: { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'admin' } } }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] },
  },
];

let fake: Awaited<ReturnType<typeof startFakeCluster>>;
let live: Inventory;

beforeAll(async () => {
  fake = await startFakeCluster({ objects: OBJECTS, port: 0 });
  const kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-engines-')), 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig);
  live = await scanLive({ kubeconfig });
});

afterAll(async () => {
  await fake?.close();
});

describe('network policies of other engines, read live', () => {
  it('lists each served kind, Calico v3 apart from Kubernetes NetworkPolicies, and marks the rest not served', () => {
    const names = (k: keyof Inventory['objects']) => live.objects[k].map((o) => `${o.apiVersion} ${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(names('ciliumnetworkpolicies')).toEqual(['cilium.io/v2 shop/web']);
    expect(names('caliconetworkpolicies')).toEqual(['projectcalico.org/v3 blog/wp']);
    expect(names('adminnetworkpolicies')).toEqual(['policy.networking.k8s.io/v1alpha1 /admin-in']);
    expect(names('networkpolicies')).toEqual([]);
    expect(live.missing.ciliumnetworkpolicies).toBeUndefined();
    expect(live.missing.calicoglobalnetworkpolicies).toBeUndefined();
    expect(live.missing.baselineadminnetworkpolicies?.reason).toBe('not-served');
    expect(live.missing.ciliumclusterwidenetworkpolicies?.reason).toBe('not-served');
  });

  it('reports none of the three namespaces as unprotected', () => {
    const doc = computePosture(live);
    const network = doc.findings.filter((f) => f.checkId === 'pod-security.namespace-no-network-policy' || f.checkId === 'pod-security.workload-not-selected-by-network-policy');
    expect(network).toEqual([]);
    expect(doc.checks.find((c) => c.id === 'pod-security.namespace-no-network-policy')).toMatchObject({ assessed: true, findings: 0 });
  });
});
