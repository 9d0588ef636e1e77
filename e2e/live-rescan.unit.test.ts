// A forced rescan of a followed live cluster (POST /api/scan) lets go of the last watch before it
// computes the new posture (posture-service.ts releaseLastScan): the new watch, from the new
// lists' versions, must follow the cluster as the last one did.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../lib/cluster/types';
import { getPosture, rescan, stopWatching, watchStats } from '../lib/server/posture-service';
import { startFakeCluster, type FakeCluster, type RequestRecord } from './fake-cluster/server';

const ns = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (namespace: string, name: string, securityContext: object = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers: [{ name: 'app', image: 'registry.acme.internal/app:1.0', securityContext }] },
});

let fake: FakeCluster;
let dir: string;
const requests: RequestRecord[] = [];

beforeAll(async () => {
  fake = await startFakeCluster({ objects: [ns('shop'), pod('shop', 'web')], watch: { bookmarkIntervalMs: 200 }, onRequest: (r) => requests.push(r) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'kp-rescan-'));
});

afterAll(async () => {
  stopWatching();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a forced rescan of a followed cluster', () => {
  it('follows changes by watch again afterwards, with the inventory of the new scan', async () => {
    const kubeconfig = path.join(dir, 'kc');
    await fake.writeKubeconfig(kubeconfig);
    const spec = { kind: 'live' as const, kubeconfig };
    const first = await getPosture(spec);
    const kinds = watchStats(spec)!.kinds;
    await until('the watches to open', () => (fake.openWatches() >= kinds ? true : undefined));

    // Made before the rescan and not yet seen by it: the rescan's lists have it.
    fake.applyObject(pod('shop', 'listed'));
    const doc = await rescan(spec);
    expect(doc.generatedAt).not.toBe(first.doc!.generatedAt);
    const after = await getPosture(spec, { waitForInventory: true });
    expect(after.doc).toBe(doc);
    expect(after.inventory!.objects.pods.map((p) => p.metadata.name).sort()).toEqual(['listed', 'web']);
    // The last scan's watches closed, the new scan's opened.
    await until('one set of watches', () => (fake.openWatches() === kinds && watchStats(spec)?.healthy ? true : undefined));

    const lists = () => requests.filter((r) => r.path === '/api/v1/pods' && !r.query.watch).length;
    const listsBefore = lists();
    fake.applyObject(pod('shop', 'intruder', { privileged: true }));
    const changed = await until('the privileged pod in the posture', async () => {
      const p = await getPosture(spec, { waitForInventory: true });
      return p.doc!.findings.some((f) => f.checkId === 'pod-security.pss.privileged' && f.resource.name === 'intruder') ? p : undefined;
    });
    expect(lists()).toBe(listsBefore); // by watch, not by another rescan
    expect(changed.inventory!.objects.pods.map((p) => p.metadata.name).sort()).toEqual(['intruder', 'listed', 'web']);
    expect(watchStats(spec)).toMatchObject({ healthy: true, batches: 1, changes: 1 });
  }, 180_000); // the first scan loads every check (a minute on a loaded machine)
});
