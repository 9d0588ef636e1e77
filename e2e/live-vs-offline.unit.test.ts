// The live path and the offline path must agree: the demo served by the fake API server and
// read over HTTPS gives the same inventory and the same findings as reading its files.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../lib/cluster/inventory';
import type { K8sObject } from '../lib/cluster/types';
import { scanLive } from '../lib/cluster/live';
import { readObjectsFromPath } from '../lib/cluster/manifests';
import { apiServerVersion, DEMO_MANIFESTS, scanPath } from '../lib/cluster/offline';
import { computePosture } from '../lib/posture/engine';
import { startFakeCluster } from './fake-cluster/server';

let fake: Awaited<ReturnType<typeof startFakeCluster>>;
let kubeconfig: string;
let live: Inventory;
let offline: Inventory;

beforeAll(async () => {
  const objects = await readObjectsFromPath(DEMO_MANIFESTS);
  fake = await startFakeCluster({ objects, port: 0, version: apiServerVersion(objects) ?? undefined });
  kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-live-')), 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig);
  live = await scanLive({ kubeconfig, pageSize: 7 }); // small pages: pagination is exercised on every kind with more than 7 objects
  offline = await scanPath(DEMO_MANIFESTS);
});

afterAll(async () => {
  await fake?.close();
});

/** What a server adds to every object (uid, creationTimestamp when absent) is not posture. */
function comparable(inv: Inventory) {
  const strip = (o: K8sObject) => {
    const { uid: _uid, creationTimestamp: _ct, ...metadata } = o.metadata;
    return { ...o, metadata };
  };
  return {
    objects: Object.fromEntries(Object.entries(inv.objects).map(([k, list]) => [k, list.map(strip)])),
    workloads: inv.workloads,
  };
}

describe('live scan through the fake API server vs offline scan of the same files', () => {
  it('reads the same objects and derives the same workloads', () => {
    expect(live.objects.pods.length).toBeGreaterThan(7);
    expect(live.objects.secrets.map((s) => s.metadata.name)).toEqual(['crm-integration-token']); // read as metadata only
    expect(comparable(live)).toEqual(comparable(offline));
  });

  it('produces the same findings and the same scores', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    // The cluster's name (context vs folder) is a label, not an object: give both the same one.
    const same = (inv: Inventory) => ({ ...inv, readAt: now.toISOString(), cluster: { ...inv.cluster, name: 'demo' } });
    const a = computePosture(same(live), { now });
    const b = computePosture(same(offline), { now });
    expect(a.findings.length).toBeGreaterThan(10);
    expect(a.findings).toEqual(b.findings);
    expect(a.areas.map((x) => [x.id, x.score])).toEqual(b.areas.map((x) => [x.id, x.score]));
    expect(a.cluster).toMatchObject({ source: 'live', version: b.cluster.version });
  });

  it('records kinds the server does not serve as missing, not as empty', () => {
    expect(live.missing.peerauthentications?.reason).toBe('not-served');
    // Except a kind Kubernetes removed before this cluster's version: its absence is no news.
    expect(live.cluster.version).toMatch(/^v1\.(2[5-9]|[3-9]\d)\./);
    expect(live.missing.podsecuritypolicies).toBeUndefined();
  });
});
