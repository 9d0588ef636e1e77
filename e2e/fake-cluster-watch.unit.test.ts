// Watches on the fake API server: replay from a resourceVersion, live events, bookmarks,
// 410 for a compacted version, and the real kubectl following a change with --watch.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../lib/cluster/types';
import { startFakeCluster, type FakeCluster } from './fake-cluster/server';

const KUBECTL = '/usr/bin/kubectl';

const ns = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (namespace: string, name: string, image = 'nginx:1.27'): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { containers: [{ name: 'c', image }] },
});

let cluster: FakeCluster;
let tmp: string;

beforeAll(async () => {
  cluster = await startFakeCluster({ objects: [ns('a'), ns('b'), pod('a', 'one'), pod('b', 'two')], watch: { logSize: 5, bookmarkIntervalMs: 100 } });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'fake-watch-'));
});

afterAll(async () => {
  await cluster?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

afterEach(() => cluster.setObjects([ns('a'), ns('b'), pod('a', 'one'), pod('b', 'two')]));

interface Event {
  type: string;
  object: any;
}

/** Opens a watch and collects its events until `until` says enough (or the stream ends). */
function watch(pathAndQuery: string, until: (events: Event[]) => boolean, timeoutMs = 5_000): Promise<{ events: Event[]; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const events: Event[] = [];
    let buffer = '';
    const req = https.get(`${cluster.url}${pathAndQuery}`, { ca: cluster.caPem, headers: { Authorization: `Bearer ${cluster.token}` } }, (res) => {
      expect(res.statusCode).toBe(200);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buffer.slice(0, nl)) as Event);
          buffer = buffer.slice(nl + 1);
        }
        if (until(events)) {
          clearTimeout(timer);
          req.destroy();
          resolve({ events, ended: false });
        }
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ events, ended: true });
      });
    });
    req.on('error', (e) => (e.message.includes('aborted') ? undefined : reject(e)));
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ events, ended: false });
    }, timeoutMs);
  });
}

async function listVersion(plural: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https
      .get(`${cluster.url}/api/v1/${plural}`, { ca: cluster.caPem, headers: { Authorization: `Bearer ${cluster.token}` } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve((JSON.parse(body) as { metadata: { resourceVersion: string } }).metadata.resourceVersion));
      })
      .on('error', reject);
  });
}

describe('fake cluster watches', () => {
  it('streams changes made after the list version, and only for the watched resource', async () => {
    const rv = await listVersion('pods');
    const pending = watch(`/api/v1/pods?watch=1&resourceVersion=${rv}`, (e) => e.length >= 3);
    await new Promise((r) => setTimeout(r, 100));
    cluster.applyObject(pod('a', 'three'));
    cluster.applyObject(ns('c')); // another resource: not in this stream
    cluster.applyObject(pod('a', 'one', 'nginx:1.28'));
    expect(cluster.deleteObject('Pod', 'b', 'two')).toBe(true);
    const { events } = await pending;
    expect(events.map((e) => `${e.type} ${e.object.metadata.namespace}/${e.object.metadata.name}`)).toEqual([
      'ADDED a/three',
      'MODIFIED a/one',
      'DELETED b/two',
    ]);
    expect(events[1]!.object.spec.containers[0].image).toBe('nginx:1.28');
    expect(events.every((e) => e.object.kind === 'Pod' && e.object.apiVersion === 'v1')).toBe(true);
    const versions = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect(versions[0]).toBeGreaterThan(Number(rv));
    expect([...versions].sort((x, y) => x - y)).toEqual(versions);
  });

  it('replays the log from an old resourceVersion, filtered by namespace', async () => {
    const rv = await listVersion('pods');
    cluster.applyObject(pod('a', 'x'));
    cluster.applyObject(pod('b', 'y'));
    const { events } = await watch(`/api/v1/namespaces/b/pods?watch=true&resourceVersion=${rv}`, (e) => e.length >= 1, 1_000);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED y']);
  });

  it('lists the new state after a change, with a newer resourceVersion', async () => {
    const before = Number(await listVersion('pods'));
    cluster.applyObject(pod('a', 'zz'));
    expect(Number(await listVersion('pods'))).toBe(before + 1);
  });

  it('answers a version older than its log with a 410 Expired ERROR event and ends the stream', async () => {
    const rv = await listVersion('pods');
    for (let i = 0; i < 6; i++) cluster.applyObject(pod('a', `churn-${i}`)); // log holds 5
    const { events, ended } = await watch(`/api/v1/pods?watch=1&resourceVersion=${rv}`, () => false);
    expect(ended).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
  });

  it('sends bookmarks carrying the current resourceVersion when asked', async () => {
    const rv = await listVersion('pods');
    cluster.applyObject(ns('d')); // moves the version without a pod event
    const { events } = await watch(`/api/v1/pods?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`, (e) => e.some((x) => x.type === 'BOOKMARK'));
    const bookmark = events.find((e) => e.type === 'BOOKMARK')!;
    expect(bookmark.object.metadata.resourceVersion).toBe(String(Number(rv) + 1));
  });

  it('ends a watch after timeoutSeconds, and a watch without a version starts with every object ADDED', async () => {
    const { events, ended } = await watch('/api/v1/pods?watch=1&timeoutSeconds=1', () => false, 3_000);
    expect(ended).toBe(true);
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED one', 'ADDED two']);
  });

  it('ends open watches with 410 when every object is replaced', async () => {
    const rv = await listVersion('pods');
    const pending = watch(`/api/v1/pods?watch=1&resourceVersion=${rv}`, () => false);
    await new Promise((r) => setTimeout(r, 100));
    cluster.setObjects([ns('a')]);
    const { events, ended } = await pending;
    expect(ended).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'ERROR', object: { code: 410 } });
    expect(cluster.openWatches()).toBe(0);
  });

  it('is followed by the real kubectl: get pods -A --watch -o json sees an applied pod', async () => {
    if (!existsSync(KUBECTL)) throw new Error(`${KUBECTL} is missing`);
    const kubeconfig = path.join(tmp, 'kubeconfig');
    await cluster.writeKubeconfig(kubeconfig);
    const child = spawn(
      KUBECTL,
      ['--kubeconfig', kubeconfig, '--cache-dir', path.join(tmp, 'cache'), 'get', 'pods', '-A', '--watch', '-o', 'json', '--request-timeout=10s'],
      {
        env: { ...process.env, KUBECONFIG: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const sawNew = new Promise<void>((resolve) =>
      child.stdout.on('data', (c) => {
        stdout += c;
        // Its image comes after its name: the event may arrive in several chunks.
        if (stdout.includes('"watched-pod"') && stdout.includes('busybox:1.36')) resolve();
      }),
    );
    // Wait until kubectl has listed (the existing pods are printed) and opened its watch.
    for (let i = 0; i < 100 && (!stdout.includes('"two"') || cluster.openWatches() === 0); i++) await new Promise((r) => setTimeout(r, 100));
    expect(cluster.openWatches(), stderr).toBe(1);
    cluster.applyObject(pod('b', 'watched-pod', 'busybox:1.36'));
    await Promise.race([sawNew, new Promise((_, reject) => setTimeout(() => reject(new Error(`kubectl never printed the pod: ${stderr}`)), 10_000))]);
    child.kill();
    expect(stdout).toContain('busybox:1.36');
    expect(stderr).toBe('');
  });
});
