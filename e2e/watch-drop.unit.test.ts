// The live follower (lib/server/live-follow.ts over lib/cluster/watch.ts) against watch streams
// that drop (the fake's dropWatches / expireWatch faults): after a clean end or a cut socket it
// re-watches from the last resourceVersion it saw, with no relist, and changes made afterwards
// still reach the posture; after a 410 on the re-watch it lists the kind again, then watches on.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResourceKey } from '../lib/cluster/inventory';
import { scanLive } from '../lib/cluster/live';
import type { K8sObject } from '../lib/cluster/types';
import { startFollowing, type Follower } from '../lib/server/live-follow';
import type { PostureDocument } from '../lib/posture/types';
import type { Faults } from './fake-cluster/faults';
import { startFakeCluster, type FakeCluster, type RequestRecord } from './fake-cluster/server';

const ns = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (namespace: string, name: string, privileged = false): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers: [{ name: 'app', image: 'registry.acme.internal/app:1.0', securityContext: privileged ? { privileged: true } : {} }] },
});
const PRIVILEGED = 'pod-security.pss.privileged';

let fake: FakeCluster;
let dir: string;
let kubeconfig: string;
const requests: RequestRecord[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // Bookmarks far apart, so the versions a re-watch carries come from events alone.
  fake = await startFakeCluster({ objects: [ns('shop'), pod('shop', 'web')], watch: { bookmarkIntervalMs: 60_000 }, onRequest: (r) => requests.push(r) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'kp-watch-drop-'));
  kubeconfig = path.join(dir, 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig);
});

afterEach(async () => {
  fake.setFaults({});
  await until('the watches to close', () => (fake.openWatches() === 0 ? true : undefined));
  expect(unhandled).toEqual([]);
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface Run {
  follower: Follower;
  /** The pods list's resourceVersion, where the first watch starts. */
  listVersion: string;
  latest(): PostureDocument;
  failures: Error[];
  /** Requests for pods since the follower started: watches and (re)lists. */
  podWatches(): RequestRecord[];
  podLists(): RequestRecord[];
}

/** Scans, switches `faults` on, and follows from the scan, as the posture service does. */
async function follow(faults: Faults): Promise<Run> {
  const versions: Partial<Record<ResourceKey, string>> = {};
  const inventory = await scanLive({ kubeconfig, onListVersion: (k, v) => (versions[k] = v) });
  fake.setFaults(faults);
  const since = requests.length;
  const failures: Error[] = [];
  let doc: PostureDocument | undefined;
  const follower = startFollowing({ kind: 'live', kubeconfig }, inventory, versions, {
    onUpdate: (d) => (doc = d),
    onFailure: (e) => failures.push(e),
    debounceMs: 0,
    watcher: { backoffMs: 20, maxBackoffMs: 100 },
  });
  const pods = () => requests.slice(since).filter((r) => r.path === '/api/v1/pods');
  return {
    follower,
    listVersion: versions.pods!,
    latest: () => doc ?? follower.doc,
    failures,
    podWatches: () => pods().filter((r) => r.query.watch),
    podLists: () => pods().filter((r) => !r.query.watch),
  };
}

const privileged = (doc: PostureDocument, name: string) => doc.findings.some((f) => f.checkId === PRIVILEGED && f.resource.name === name);

/** A change made now shows in the posture: a privileged pod's finding appears, then goes with the pod. */
async function changesStillArrive(run: Run, name: string) {
  fake.applyObject(pod('shop', name, true));
  await until(`the finding for ${name}`, () => (privileged(run.latest(), name) ? true : undefined));
  expect(fake.deleteObject('Pod', 'shop', name)).toBe(true);
  await until(`the finding for ${name} to go`, () => (privileged(run.latest(), name) ? undefined : true));
}

/** The stream of a run that resumed: healthy, no relist, and (cleanup) stopped. */
function expectResumedWithoutRelist(run: Run) {
  expect(run.podLists()).toEqual([]);
  expect(run.failures).toEqual([]);
  expect(run.follower.healthy()).toBe(true);
}

describe('a watch stream that ends cleanly', () => {
  it('after one event: re-watches from that event’s version, and later changes arrive', async () => {
    const run = await follow({ dropWatches: { times: 1, resources: ['pods'], afterEvents: 1 } });
    try {
      const first = fake.applyObject(pod('shop', 'first', true)); // the one event the stream carries
      const [, rewatch] = await until('a re-watch of pods', () => (run.podWatches().length >= 2 ? run.podWatches() : undefined));
      expect(run.podWatches()[0]!.query.resourceVersion).toBe(run.listVersion);
      expect(rewatch!.query.resourceVersion).toBe(first.metadata.resourceVersion);
      await until('the finding for first', () => (privileged(run.latest(), 'first') ? true : undefined));
      await changesStillArrive(run, 'after-clean-end');
      fake.deleteObject('Pod', 'shop', 'first');
      expectResumedWithoutRelist(run);
    } finally {
      run.follower.stop();
    }
  });

  it('after a time with no events: re-watches from the list’s version', async () => {
    const run = await follow({ dropWatches: { times: 1, resources: ['pods'], afterMs: 100 } });
    try {
      const [, rewatch] = await until('a re-watch of pods', () => (run.podWatches().length >= 2 ? run.podWatches() : undefined));
      expect(rewatch!.query.resourceVersion).toBe(run.listVersion);
      await changesStillArrive(run, 'after-timed-end');
      expectResumedWithoutRelist(run);
    } finally {
      run.follower.stop();
    }
  });
});

describe('a watch stream cut mid-chunk (socket destroyed)', () => {
  it('after one event: the half-sent event is replayed on the re-watch from the last whole one', async () => {
    const run = await follow({ dropWatches: { times: 1, resources: ['pods'], afterEvents: 1, abrupt: true } });
    try {
      const first = fake.applyObject(pod('shop', 'first', false));
      fake.applyObject(pod('shop', 'cut', true)); // sent half, then the socket goes
      const [, rewatch] = await until('a re-watch of pods', () => (run.podWatches().length >= 2 ? run.podWatches() : undefined));
      expect(rewatch!.query.resourceVersion).toBe(first.metadata.resourceVersion);
      await until('the finding for the cut event', () => (privileged(run.latest(), 'cut') ? true : undefined));
      await changesStillArrive(run, 'after-cut');
      fake.deleteObject('Pod', 'shop', 'first');
      fake.deleteObject('Pod', 'shop', 'cut');
      expectResumedWithoutRelist(run);
    } finally {
      run.follower.stop();
    }
  });

  it('after a time with no events (half a bookmark): re-watches from the list’s version', async () => {
    const run = await follow({ dropWatches: { times: 1, resources: ['pods'], afterMs: 100, abrupt: true } });
    try {
      const [, rewatch] = await until('a re-watch of pods', () => (run.podWatches().length >= 2 ? run.podWatches() : undefined));
      expect(rewatch!.query.resourceVersion).toBe(run.listVersion);
      await changesStillArrive(run, 'after-cut-bookmark');
      expectResumedWithoutRelist(run);
    } finally {
      run.follower.stop();
    }
  });
});

describe.each(['event', 'status'] as const)('a re-watch answered 410 Expired (as an %s)', (as) => {
  it('lists pods again, then watches from the new list’s version', async () => {
    const run = await follow({ dropWatches: { times: 1, resources: ['pods'], afterEvents: 1 } });
    try {
      await until('the first pods watch', () => run.podWatches()[0]);
      fake.setFaults({ expireWatch: { times: 1, resources: ['pods'], as } }); // for the re-watch only
      const first = fake.applyObject(pod('shop', 'first', true));
      const watches = await until('a watch after the relist', () => (run.podWatches().length >= 3 ? run.podWatches() : undefined));
      expect(watches[1]!.query.resourceVersion).toBe(first.metadata.resourceVersion);
      expect(watches[1]!.status).toBe(as === 'status' ? 410 : 200);
      expect(run.podLists()).toHaveLength(1);
      // The relist happened between the expired re-watch and the next watch, which starts at its version.
      const order = requests.filter((r) => r.path === '/api/v1/pods');
      expect(order.indexOf(run.podLists()[0]!)).toBeGreaterThan(order.indexOf(watches[1]!));
      expect(order.indexOf(run.podLists()[0]!)).toBeLessThan(order.indexOf(watches[2]!));
      expect(watches[2]!.query.resourceVersion).toBe(first.metadata.resourceVersion); // nothing changed since
      await until('the finding for first (from the relist)', () => (privileged(run.latest(), 'first') ? true : undefined));
      await changesStillArrive(run, 'after-410');
      fake.deleteObject('Pod', 'shop', 'first');
      expect(run.failures).toEqual([]);
      expect(run.follower.healthy()).toBe(true);
    } finally {
      run.follower.stop();
    }
  });
});
