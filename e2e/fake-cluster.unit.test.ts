// The fake API server against the real kubectl: if kubectl can discover, list, page and
// print from it, our live reader is tested against something faithful.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { METADATA_ONLY_ACCEPT } from '../lib/cluster/live';
import { readObjectsFromPath } from '../lib/cluster/manifests';
import type { K8sObject } from '../lib/cluster/types';
import { parseArgs, UsageError } from './fake-cluster/main';
import { startFakeCluster, type FakeCluster, type RequestRecord } from './fake-cluster/server';

const KUBECTL = '/usr/bin/kubectl';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, 'fake-cluster', 'testdata');
const TSX = path.join(HERE, '..', 'node_modules', '.bin', 'tsx');

let fixtures: K8sObject[];
let cluster: FakeCluster;
let tmp: string;
let kubeconfig: string;
const requests: RequestRecord[] = [];

beforeAll(async () => {
  // No skipping: these tests are the proof that the fake server is faithful.
  if (!existsSync(KUBECTL)) throw new Error(`${KUBECTL} is missing: the fake-cluster tests need the real kubectl (v1.32) installed there`);
  fixtures = await readObjectsFromPath(FIXTURES);
  cluster = await startFakeCluster({ objects: fixtures, onRequest: (r) => requests.push(r) });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'fake-cluster-test-'));
  kubeconfig = path.join(tmp, 'kubeconfig');
  await cluster.writeKubeconfig(kubeconfig);
});

afterAll(async () => {
  await cluster?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kubectl(args: string[], config = kubeconfig): Promise<Run> {
  // A private discovery cache per kubeconfig, so no run reads another server's discovery.
  const cacheDir = path.join(tmp, `cache-${path.basename(config)}`);
  return new Promise((resolve) => {
    execFile(
      KUBECTL,
      ['--kubeconfig', config, '--cache-dir', cacheDir, ...args],
      { timeout: 30_000, env: { ...process.env, KUBECONFIG: '' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function kubectlJson(args: string[], config?: string): Promise<{ items: K8sObject[] }> {
  const run = await kubectl([...args, '-o', 'json'], config);
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { items: K8sObject[] };
}

function get(
  target: FakeCluster,
  pathAndQuery: string,
  opts: { token?: string | null; accept?: string } = {},
): Promise<{ status: number; contentType: string; body: any }> {
  const token = opts.token === undefined ? target.token : opts.token;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    https
      .get(`${target.url}${pathAndQuery}`, { ca: target.caPem, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      })
      .on('error', reject);
  });
}

const names = (items: K8sObject[]) => items.map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`);
const fixturePods = () => names(fixtures.filter((o) => o.kind === 'Pod')).sort();

describe('fake cluster, read by the real kubectl', () => {
  it('lists exactly the fixture pods (kubectl get pods -A -o json)', async () => {
    const list = await kubectlJson(['get', 'pods', '-A']);
    expect(names(list.items).sort()).toEqual(fixturePods());
    expect(list.items.every((p) => p.kind === 'Pod' && p.apiVersion === 'v1' && p.metadata.uid && p.metadata.resourceVersion)).toBe(true);
  });

  it('prints namespace names as a table (kubectl get namespaces)', async () => {
    const run = await kubectl(['get', 'namespaces']);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = run.stdout.trim().split('\n');
    expect(header).toMatch(/^NAME\s+STATUS\s+AGE$/);
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['empty', 'payments', 'shop']);
    // The table came from the server, not from a client-side fallback.
    expect(requests.some((r) => r.path === '/api/v1/namespaces' && r.accept?.includes('as=Table'))).toBe(true);
  });

  it('prints NAMESPACE and NAME columns for kubectl get pods -A', async () => {
    const run = await kubectl(['get', 'pods', '-A']);
    expect(run.code, run.stderr).toBe(0);
    const [header, ...rows] = run.stdout.trim().split('\n');
    expect(header).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(rows.map((r) => r.split(/\s+/).slice(0, 2).join('/')).sort()).toEqual(fixturePods());
    expect(rows.find((r) => r.includes('web-1'))).toMatch(/1\/1\s+Running\s+2/);
  });

  it('pages with --chunk-size=2 and still returns every pod', async () => {
    requests.length = 0;
    const list = await kubectlJson(['get', 'pods', '-A', '--chunk-size=2']);
    expect(names(list.items).sort()).toEqual(fixturePods());
    const pages = requests.filter((r) => r.path === '/api/v1/pods');
    expect(pages).toHaveLength(Math.ceil(fixturePods().length / 2)); // 5 pods: 3 pages
    expect(pages.every((r) => r.query.limit === '2')).toBe(true);
    expect(pages.filter((r) => r.query.continue)).toHaveLength(pages.length - 1);
  });

  it('lists a custom resource whose CRD is among the fixtures', async () => {
    const list = await kubectlJson(['get', 'vulnerabilityreports', '-A']);
    expect(list.items.map((o) => [o.kind, o.apiVersion, o.metadata.namespace, o.metadata.name])).toEqual([
      ['VulnerabilityReport', 'aquasecurity.github.io/v1alpha1', 'shop', 'pod-web-1-web'],
    ]);
    const table = await kubectl(['get', 'vuln', '-n', 'shop']); // short name from the CRD
    expect(table.stdout).toMatch(/^NAME\s+REPOSITORY\s+CRITICAL\s+AGE\npod-web-1-web\s+library\/nginx\s+1\s+/);
  });

  it('rejects a wrong token: kubectl fails as unauthorized, the API answers a 401 Status', async () => {
    const bad = path.join(tmp, 'bad-token');
    await writeFile(bad, (await readFile(kubeconfig, 'utf8')).replace(cluster.token, 'not-the-token'));
    const run = await kubectl(['get', 'pods', '-A'], bad);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/must be logged in to the server|Unauthorized/);
    for (const token of [null, 'not-the-token']) {
      const res = await get(cluster, '/api/v1/pods', { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
    expect((await get(cluster, '/version', { token: null })).status).toBe(401);
  });

  it('does not serve PodSecurityPolicy, like a modern cluster', async () => {
    const run = await kubectl(['get', 'podsecuritypolicies']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`the server doesn't have a resource type "podsecuritypolicies"`);
    const res = await get(cluster, '/apis/policy/v1beta1/podsecuritypolicies');
    expect([res.status, res.body.kind, res.body.reason]).toEqual([404, 'Status', 'NotFound']);
  });

  it('gets single objects, cluster-scoped and namespaced, and 404s on missing ones', async () => {
    const ns = JSON.parse((await kubectl(['get', 'namespace', 'shop', '-o', 'json'])).stdout) as K8sObject;
    expect([ns.kind, ns.metadata.name, ns.metadata.labels?.['pod-security.kubernetes.io/enforce']]).toEqual(['Namespace', 'shop', 'baseline']);
    const crb = JSON.parse((await kubectl(['get', 'clusterrolebinding', 'shop-admin', '-o', 'json'])).stdout) as K8sObject;
    expect(crb.roleRef).toMatchObject({ name: 'cluster-admin' });
    const missing = await kubectl(['get', 'node', 'nope']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('nodes "nope" not found');
    expect((await kubectl(['get', 'nodes'])).stderr).toContain('No resources found');
  });
});

describe('fake cluster discovery', () => {
  it('serves the core kinds with no objects and the CRD-declared ones (aggregated discovery)', async () => {
    const core = await get(cluster, '/api', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
    expect(core.contentType).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    const coreResources = core.body.items[0].versions[0].resources.map((r: { resource: string }) => r.resource);
    expect(coreResources).toEqual(expect.arrayContaining(['nodes', 'resourcequotas', 'namespaces', 'pods']));
    const legacy = await get(cluster, '/api/v1');
    const pods = legacy.body.resources.find((r: { name: string }) => r.name === 'pods');
    expect(pods).toMatchObject({ singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'] });
    const groups = (await get(cluster, '/apis')).body.groups.map((g: { name: string }) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['apps', 'rbac.authorization.k8s.io', 'aquasecurity.github.io']));
    expect(groups).not.toContain('wgpolicyk8s.io'); // optional kinds need their CRD
    expect((await get(cluster, '/version')).body.gitVersion).toBe('v1.32.4');
  });

  it('works with kubectl through legacy discovery, and without the CRD serves no scanner reports', async () => {
    const plain = await startFakeCluster({ objects: fixtures.filter((o) => o.kind !== 'CustomResourceDefinition'), aggregatedDiscovery: false });
    const seen: string[] = [];
    try {
      const config = path.join(tmp, 'legacy');
      await plain.writeKubeconfig(config);
      const apis = await get(plain, '/apis', { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });
      expect([apis.contentType, apis.body.kind]).toEqual(['application/json', 'APIGroupList']);
      const list = await kubectlJson(['get', 'pods', '-A'], config);
      expect(names(list.items).sort()).toEqual(fixturePods());
      const vuln = await kubectl(['get', 'vulnerabilityreports', '-A'], config);
      expect(vuln.code).not.toBe(0);
      expect(vuln.stderr).toContain(`doesn't have a resource type "vulnerabilityreports"`);
      expect((await get(plain, '/apis/aquasecurity.github.io/v1alpha1/vulnerabilityreports')).status).toBe(404);
      seen.push(...plain.unserved.map((o) => o.kind));
    } finally {
      await plain.close();
    }
    expect(seen).toEqual(['VulnerabilityReport']); // its CRD is gone, so nothing serves it
  });
});

describe('fake cluster lists over HTTP', () => {
  it('pages with limit/continue in a stable order, and expires tokens of a replaced snapshot', async () => {
    const all = (await get(cluster, '/api/v1/pods')).body;
    expect(all.kind).toBe('PodList');
    expect(all.metadata.continue).toBeUndefined();
    expect(names(all.items)).toEqual(['payments/api', 'payments/ledger', 'shop/cart', 'shop/web-1', 'shop/web-2']);

    const seen: K8sObject[] = [];
    let cont: string | undefined;
    let pages = 0;
    do {
      const q = new URLSearchParams({ limit: '2', ...(cont ? { continue: cont } : {}) });
      const page = (await get(cluster, `/api/v1/pods?${q}`)).body;
      expect(page.metadata.resourceVersion).toBe(all.metadata.resourceVersion);
      seen.push(...page.items);
      cont = page.metadata.continue;
      if (cont) expect(page.metadata.remainingItemCount).toBe(all.items.length - seen.length);
      pages++;
    } while (cont);
    expect(pages).toBe(3);
    expect(names(seen)).toEqual(names(all.items));

    const first = (await get(cluster, '/api/v1/pods?limit=2')).body;
    expect((await get(cluster, '/api/v1/pods?limit=2&continue=garbage!')).status).toBe(400);
    cluster.setObjects(fixtures);
    try {
      const expired = await get(cluster, `/api/v1/pods?limit=2&continue=${first.metadata.continue}`);
      expect([expired.status, expired.body.reason]).toEqual([410, 'Expired']);
      expect(Number((await get(cluster, '/api/v1/pods')).body.metadata.resourceVersion)).toBeGreaterThan(Number(all.metadata.resourceVersion));
    } finally {
      cluster.setObjects(fixtures);
    }
  });

  it('filters with labelSelector and fieldSelector', async () => {
    const pods = async (q: string) => names((await get(cluster, `/api/v1/pods?${q}`)).body.items);
    expect(await pods('labelSelector=app%3Dweb')).toEqual(['shop/web-1', 'shop/web-2']);
    expect(await pods('labelSelector=tier')).toEqual(['shop/web-1', 'shop/web-2']);
    expect(await pods('labelSelector=!app')).toEqual(['payments/api']);
    expect(await pods(`labelSelector=${encodeURIComponent('app in (cart,ledger)')}`)).toEqual(['payments/ledger', 'shop/cart']);
    expect(await pods('fieldSelector=metadata.namespace%3Dpayments')).toEqual(['payments/api', 'payments/ledger']);
    expect(await pods('fieldSelector=metadata.name!%3Dcart,metadata.namespace%3Dshop')).toEqual(['shop/web-1', 'shop/web-2']);
    expect((await get(cluster, '/api/v1/pods?fieldSelector=spec.bogus%3Dx')).status).toBe(400);
    const run = await kubectl(['get', 'pods', '-A', '-l', 'app=web', '-o', 'name']);
    expect(run.stdout.trim().split('\n')).toEqual(['pod/web-1', 'pod/web-2']);
  });

  it('lists one namespace and answers unknown resources clearly', async () => {
    expect(names((await get(cluster, '/api/v1/namespaces/payments/pods')).body.items)).toEqual(['payments/api', 'payments/ledger']);
    expect((await get(cluster, '/api/v1/namespaces/empty/pods')).body.items).toEqual([]);
    const deployments = (await get(cluster, '/apis/apps/v1/namespaces/shop/deployments')).body;
    expect([deployments.kind, deployments.apiVersion, names(deployments.items)]).toEqual(['DeploymentList', 'apps/v1', ['shop/web']]);
    const unknown = await get(cluster, '/api/v1/frobnicators');
    expect([unknown.status, unknown.body.reason]).toEqual([404, 'NotFound']);
    // Watches are tested in fake-cluster-watch.unit.test.ts.
  });
});

describe('fake cluster metadata-only reads', () => {
  it('answers PartialObjectMetadataList with metadata only, while kubectl -o json still gets whole objects', async () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 'db', namespace: 'shop', annotations: { team: 'shop' } },
      data: { password: 'c2VjcmV0' },
    } as K8sObject;
    const own = await startFakeCluster({ objects: [...fixtures, secret] });
    const config = path.join(tmp, 'kubeconfig-secrets');
    try {
      await own.writeKubeconfig(config);
      const list = await get(own, '/api/v1/secrets?limit=500', { accept: METADATA_ONLY_ACCEPT });
      expect(list.contentType).toBe('application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io');
      expect(list.body.kind).toBe('PartialObjectMetadataList');
      expect(list.body.items).toEqual([
        {
          kind: 'PartialObjectMetadata',
          apiVersion: 'meta.k8s.io/v1',
          metadata: expect.objectContaining({ name: 'db', namespace: 'shop', annotations: { team: 'shop' } }),
        },
      ]);
      const one = await get(own, '/api/v1/namespaces/shop/secrets/db', { accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1' });
      expect([one.body.kind, one.body.metadata.name]).toEqual(['PartialObjectMetadata', 'db']);
      for (const body of [list.body, one.body]) expect(JSON.stringify(body)).not.toMatch(/c2VjcmV0|Opaque|"data"/);
      // Asking for metadata only, and nothing else, of a server that cannot: 406, never the full object.
      expect((await get(own, '/api/v1/secrets', { accept: 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v2' })).status).toBe(406);

      const full = await kubectlJson(['get', 'secrets', '-A'], config);
      expect(full.items.map((o) => [o.kind, o.metadata.name, (o.data as Record<string, string>)?.password])).toEqual([['Secret', 'db', 'c2VjcmV0']]);
      const table = await kubectl(['get', 'secrets', '-n', 'shop'], config);
      expect(table.stdout).toMatch(/^NAME\s+AGE\ndb\s+/);
    } finally {
      await own.close();
    }
  });
});

describe('fake cluster kubeconfig and CLI', () => {
  it('writes a kubeconfig with the CA, server, token and context', async () => {
    const config = parse(await readFile(kubeconfig, 'utf8'));
    expect(config['current-context']).toBe('fake-cluster');
    expect(config.clusters[0].cluster.server).toBe(cluster.url);
    expect(Buffer.from(config.clusters[0].cluster['certificate-authority-data'], 'base64').toString()).toBe(cluster.caPem);
    expect(config.users[0].user.token).toBe(cluster.token);
    expect(cluster.kubeconfigPath).toBe(kubeconfig);
  });

  it('rejects bad arguments', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['--fixtures'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--fixtures', 'x', '--port', 'abc'])).toThrow(/--port/);
    expect(() => parseArgs(['--fixtures', 'x', '--bogus'])).toThrow(/unknown argument/);
    expect(parseArgs(['--fixtures=demo', '--port', '0']).fixtures).toMatch(/lib[/\\]demo[/\\]manifests$/);
  });

  it('runs as a program: exit 2 on unreadable fixtures; serves until SIGTERM', async () => {
    const bad = await runCli(['--fixtures', path.join(tmp, 'does-not-exist')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot load fixtures: .*does-not-exist: cannot read/);

    const out = path.join(tmp, 'cli-kubeconfig');
    const child = spawn(TSX, [path.join(HERE, 'fake-cluster', 'main.ts'), '--fixtures', FIXTURES, '--port', '0', '--kubeconfig-out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('\n')) resolve(text.trim());
        });
        child.once('exit', (code) => reject(new Error(`fake-cluster exited with ${code} before listening`)));
      });
      expect(line).toMatch(
        new RegExp(`^fake-cluster listening on https://127\\.0\\.0\\.1:\\d+ \\(kubeconfig: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`),
      );
      const list = await kubectlJson(['get', 'pods', '-A'], out);
      expect(names(list.items).sort()).toEqual(fixturePods());
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(TSX, [path.join(HERE, 'fake-cluster', 'main.ts'), ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
