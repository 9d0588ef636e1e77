// A rescan stops the last scan's follower (lib/server/live-follow.ts) and computes the new
// posture at once, in the same turn of the event loop: the follower's watch requests are destroyed
// but not yet closed, and their handlers still reach the follower. What it held (the inventory,
// the posture state, the first document) must be garbage already then, or a rescan holds two.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Inventory, ResourceKey } from '../lib/cluster/inventory';
import { scanLive } from '../lib/cluster/live';
import type { K8sObject } from '../lib/cluster/types';
import { startFollowing } from '../lib/server/live-follow';
import { RECLAIM_MIN_OBJECTS, reclaimHeap } from '../lib/server/reclaim-heap';
import { startFakeCluster, type FakeCluster } from './fake-cluster/server';

const ns = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } });

let fake: FakeCluster;
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  fake = await startFakeCluster({ objects: [ns('shop'), pod('web'), pod('api')] });
  dir = await mkdtemp(path.join(os.tmpdir(), 'kp-follow-release-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig);
});

afterAll(async () => {
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A full collection, the way the server makes one after a large scan. */
const collectGarbage = () => expect(reclaimHeap(RECLAIM_MIN_OBJECTS, {})).toBe(true);

it('a stopped follower lets go of its inventory and documents before its watches have closed', async () => {
  const versions: Partial<Record<ResourceKey, string>> = {};
  let inventory: Inventory | null = await scanLive({ kubeconfig, onListVersion: (k, v) => (versions[k] = v) });
  const follower = startFollowing({ kind: 'live', kubeconfig }, inventory, versions, { onUpdate: () => undefined, onFailure: () => undefined });
  // WeakRefs keep their targets to the end of the job that made them: made here, checked in a later one.
  const pods = new WeakRef(inventory.objects.pods);
  const doc = new WeakRef(follower.doc);
  inventory = null;
  await new Promise((r) => setTimeout(r, 10));
  await until('the watches to open', () => fake.openWatches() > 0);

  // One synchronous run, as a rescan's: stop, then collect before the event loop turns.
  follower.stop();
  collectGarbage();
  const held = { pods: pods.deref() !== undefined, doc: doc.deref() !== undefined, openWatches: fake.openWatches() > 0 };
  expect(held).toEqual({ pods: false, doc: false, openWatches: true });
  await until('the watches to close', () => fake.openWatches() === 0);
});

async function until(what: string, probe: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
