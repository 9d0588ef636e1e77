// Hostile input, from files and from a cluster: the scan ends in bounded time with findings
// that carry the hostile text as plain data, or with a clear error naming the input.
import { open, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { scanLive } from '../lib/cluster/live';
import { InputError, MAX_FILE_BYTES, readObjectsFromPath } from '../lib/cluster/manifests';
import { DEMO_MANIFESTS, scanPath } from '../lib/cluster/offline';
import { computePosture, MAX_MESSAGE_CHARS } from '../lib/posture/engine';
import type { PostureDocument } from '../lib/posture/types';
import { deeplyNestedJson, HOSTILE_NS, hostileObjects, MANY_CONTAINERS, PAYLOADS, RTL_NAME, yamlAliasBomb, ZERO_WIDTH_NAME } from './hostile-objects';
import { startFakeCluster } from './fake-cluster/server';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'kp-hostile-'));
});
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Runs `fn`, failing the test if it takes longer than `ms`. */
async function within<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  expect(Date.now() - started, `took ${Date.now() - started} ms`).toBeLessThan(ms);
  return result;
}

async function inputError(file: string): Promise<InputError> {
  const err = await within(15_000, () =>
    readObjectsFromPath(file).then(
      () => null,
      (e: unknown) => e,
    ),
  );
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).file).toBe(file);
  expect((err as Error).message.startsWith(`${file}: `)).toBe(true);
  return err as InputError;
}

describe('hostile files: a clear InputError naming the file, in bounded time', () => {
  it('a YAML alias bomb (a billion laughs)', async () => {
    const file = path.join(tmp, 'bomb.yaml');
    await writeFile(file, yamlAliasBomb());
    expect((await inputError(file)).message).toMatch(/invalid YAML: Excessive alias count/);
  });

  it('JSON nested 100,000 levels deep', async () => {
    const file = path.join(tmp, 'deep.json');
    await writeFile(file, deeplyNestedJson(100_000));
    expect((await inputError(file)).message).toBe(`${file}: JSON nested more than 1000 levels deep; no Kubernetes object is`);
  });

  it(`a file over the ${MAX_FILE_BYTES} byte limit is refused before it is read`, async () => {
    const file = path.join(tmp, 'huge.yaml');
    const fh = await open(file, 'w');
    await fh.truncate(MAX_FILE_BYTES + 1); // sparse: costs no disk
    await fh.close();
    expect((await inputError(file)).message).toBe(`${file}: file is ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES}`);
  });

  it('binary files: a PNG named .yaml, and bytes that are not UTF-8', async () => {
    const png = path.join(tmp, 'image.yaml');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect((await inputError(png)).message).toBe(`${png}: binary file, not YAML or JSON`);
    const noise = path.join(tmp, 'noise.json');
    await writeFile(noise, Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f))));
    expect((await inputError(noise)).message).toMatch(/not a Kubernetes object|invalid YAML/);
  });

  it('in a folder, the error names the bad file, not the folder', async () => {
    const dir = path.join(tmp, 'mixed');
    await rm(dir, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(dir));
    await writeFile(path.join(dir, 'a-good.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: fine}\n');
    await writeFile(path.join(dir, 'b-bomb.yaml'), yamlAliasBomb());
    const err = await readObjectsFromPath(dir).catch((e: unknown) => e);
    expect((err as InputError).file).toBe(path.join(dir, 'b-bomb.yaml'));
  });
});

/** The findings hostile objects must produce: the markup is data in them, nothing more. */
/** `besides`: the size of the document without the hostile objects (the demo's, next to them). */
function expectHostileFindings(doc: PostureDocument, besides = 0) {
  const privileged = doc.findings.filter((f) => f.checkId === 'pod-security.pss.privileged' && f.resource.namespace === 'hostile');
  expect(privileged.map((f) => f.resource)).toEqual([expect.objectContaining({ kind: 'Pod', name: PAYLOADS[1] })]);
  expect(doc.findings.some((f) => f.checkId === 'pod-security.pss.host-namespaces' && f.resource.namespace === HOSTILE_NS)).toBe(true);
  // agg-pong's wildcard reaches agg-ping through the aggregation ring; the binding is named with its markup.
  const wildcard = doc.findings.filter((f) => f.checkId === 'rbac.wildcard-permissions').map((f) => f.message);
  expect(wildcard.join('\n')).toContain(`ClusterRoleBinding bind-${PAYLOADS[2]} lets User ${PAYLOADS[0]}`);
  const names = new Set(doc.findings.map((f) => f.resource.name));
  for (const n of [RTL_NAME, ZERO_WIDTH_NAME, 'huge-annotations', 'many-containers', 'self-owned']) expect(names, n).toContain(n);
  // One finding per workload, not per container: 5,000 containers do not make 5,000 findings,
  // nor a message listing all of them.
  const many = doc.findings.filter((f) => f.resource.name === 'many-containers');
  expect(many.length).toBeLessThan(20);
  expect(many.some((f) => f.message.endsWith('more characters left out)'))).toBe(true);
  for (const f of doc.findings) expect(f.message.length, f.checkId).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 50);
  // Megabytes of annotations and 5,000 containers add well under a megabyte to the document.
  expect(JSON.stringify(doc).length - besides).toBeLessThan(1_000_000);
}

describe('hostile objects', () => {
  it('from a file: read, folded into workloads despite cyclic owners, and assessed', async () => {
    const file = path.join(tmp, 'hostile.yaml');
    await writeFile(
      file,
      hostileObjects()
        .map((o) => stringify(o, { lineWidth: 0 }))
        .join('---\n'),
    );
    const inv = await within(20_000, () => scanPath(file));
    const pod = inv.objects.pods.find((p) => p.metadata.name === 'many-containers');
    expect((pod?.spec?.containers as unknown[]).length).toBe(MANY_CONTAINERS);
    // The ReplicaSets that own each other are one workload each, the self-owned pod its own.
    const workloads = inv.workloads.filter((w) => w.namespace === 'hostile').map((w) => `${w.kind}/${w.name}`);
    expect(workloads).toEqual(expect.arrayContaining(['ReplicaSet/loop-a', 'ReplicaSet/loop-b', 'Pod/self-owned']));
    expect(workloads).not.toContain('Pod/loop-pod');
    const doc = await within(20_000, async () => computePosture(inv));
    expectHostileFindings(doc);
  });

  it('from a live cluster next to the demo objects: the same findings, in bounded time', async () => {
    const demo = await readObjectsFromPath(DEMO_MANIFESTS);
    const fake = await startFakeCluster({ objects: [...demo, ...hostileObjects()] });
    try {
      const kubeconfig = path.join(tmp, 'kubeconfig-hostile');
      await fake.writeKubeconfig(kubeconfig);
      const inv = await within(30_000, () => scanLive({ kubeconfig, pageSize: 50 }));
      expect(inv.missing).toEqual(expect.not.objectContaining({ pods: expect.anything() }));
      const doc = computePosture(inv);
      expectHostileFindings(doc, JSON.stringify(computePosture(await scanPath(DEMO_MANIFESTS))).length);
      expect(doc.namespaces.map((n) => n.name)).toContain(HOSTILE_NS);
    } finally {
      await fake.close();
    }
  });

  it('a list response nested 100,000 levels deep: that kind is missing with the reason, the rest is read', async () => {
    // A bare HTTP server: the fake cluster itself cannot serialise such an object.
    const deepPods = `{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[${deeplyNestedJson(100_000)}]}`;
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('Content-Type', 'application/json');
      if (url.pathname === '/version') return res.end('{"gitVersion":"v1.32.4"}');
      if (url.pathname === '/api/v1/pods') return res.end(deepPods);
      res.end('{"kind":"List","apiVersion":"v1","metadata":{},"items":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const kubeconfig = path.join(tmp, 'kubeconfig-deep');
    const server_ = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await writeFile(
      kubeconfig,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'deep', cluster: { server: server_, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'u', user: { token: 't' } }],
        contexts: [{ name: 'deep', context: { cluster: 'deep', user: 'u' } }],
        'current-context': 'deep',
      }),
    );
    try {
      const inv = await within(10_000, () => scanLive({ kubeconfig }));
      expect(inv.missing.pods).toEqual({
        reason: 'error',
        detail: 'listing pods failed: JSON from /api/v1/pods?limit=500 nests deeper than 1000 levels; refused',
      });
      expect(inv.missing.namespaces).toBeUndefined();
      const doc = computePosture(inv);
      expect(doc.checks.filter((c) => !c.assessed && c.reason?.includes('pods')).length).toBeGreaterThan(0);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
