// A followed posture whose scan could not read some kinds: watching the others must not leave
// those kinds missing for good. A rescan reads them again once the API answers (soak finding).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../lib/cluster/types';
import { getPosture, stopWatching, watchStats } from '../lib/server/posture-service';
import type { Faults } from './fake-cluster/faults';
import { startFakeCluster, type FakeCluster } from './fake-cluster/server';

const ns = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const adminBinding = (name: string): K8sObject =>
  ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name, namespace: 'shop' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ kind: 'User', name: 'mallory@example.com', apiGroup: 'rbac.authorization.k8s.io' }],
  }) as K8sObject;

let fake: FakeCluster;
let dir: string;

beforeAll(async () => {
  process.env.POSTURE_MISSING_RETRY_MS = '0';
  fake = await startFakeCluster({ objects: [ns('shop')] });
  dir = await mkdtemp(path.join(os.tmpdir(), 'kp-missing-'));
});

afterEach(() => stopWatching());

afterAll(async () => {
  delete process.env.POSTURE_MISSING_RETRY_MS;
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each<[string, Faults, string]>([
  ['failed', { serverError: { resources: ['rolebindings'], times: 50 } }, 'error'],
  ['forbidden', { forbidden: ['rolebindings'] }, 'forbidden'],
])('a kind whose list %s while the rest is followed', (_what, fault, reason) => {
  it('is missing (its checks not assessed) until the API answers, then read and shown without a manual rescan', async () => {
    fake.setObjects([ns('shop'), adminBinding('break-glass')]);
    fake.setFaults(fault);
    const kubeconfig = path.join(dir, `kc-${reason}`);
    await fake.writeKubeconfig(kubeconfig);
    const spec = { kind: 'live' as const, kubeconfig };

    const first = (await getPosture(spec)).doc!;
    expect(first.missingKinds.filter((m) => m.reason !== 'not-served')).toEqual([expect.objectContaining({ resource: 'rolebindings', reason })]);
    expect(first.checks.find((c) => c.id === 'rbac.binds-cluster-admin')).toMatchObject({ assessed: false });
    expect(watchStats(spec)?.healthy).toBe(true); // the other kinds are followed

    fake.setFaults({});
    const next = (await getPosture(spec)).doc!;
    expect(next.missingKinds.filter((m) => m.reason !== 'not-served')).toEqual([]);
    expect(next.findings.some((f) => f.checkId === 'rbac.binds-cluster-admin' && f.resource.name === 'break-glass')).toBe(true);
    expect(watchStats(spec)?.healthy).toBe(true);
  });
});
