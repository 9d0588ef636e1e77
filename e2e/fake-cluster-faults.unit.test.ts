// Each switchable fault of the fake API server does what it says on the wire, so the
// client-side tests (e2e/live-faults.unit.test.ts) test our reader against real misbehaviour.
import https from 'node:https';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { K8sObject } from '../lib/cluster/types';
import { injectFault } from './fake-cluster/faults';
import { startFakeCluster, type FakeCluster } from './fake-cluster/server';

const pod = (ns: string, name: string) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }) as K8sObject;
const OBJECTS: K8sObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as K8sObject,
  ...Array.from({ length: 5 }, (_, i) => pod('shop', `p${i}`)),
];

let cluster: FakeCluster;
beforeAll(async () => {
  cluster = await startFakeCluster({ objects: OBJECTS });
});
afterEach(() => cluster.setFaults({}));
afterAll(async () => {
  await cluster?.close();
});

interface Raw {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body: string;
  /** Set when the exchange failed below HTTP. */
  error?: string;
}

function get(path: string, timeoutMs = 3_000): Promise<Raw> {
  return new Promise((resolve) => {
    let body = '';
    const req = https.request(
      cluster.url + path,
      { ca: cluster.caPem, agent: false, headers: { Authorization: `Bearer ${cluster.token}`, Accept: 'application/json' } },
      (res) => {
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
        res.on('error', (e) => resolve({ status: res.statusCode, body, error: e.message }));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('client timeout')));
    req.on('error', (e) => resolve({ body, error: e.message }));
    req.end();
  });
}

describe('fake cluster faults', () => {
  it('serverError: a burst of n 500s per path, then normal answers', async () => {
    cluster.setFaults({ serverError: { times: 2 } });
    const a = [await get('/api/v1/pods'), await get('/api/v1/pods'), await get('/api/v1/pods')];
    expect(a.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(JSON.parse(a[0]!.body)).toMatchObject({ kind: 'Status', code: 500, reason: 'InternalError' });
    // The count is per path: another list has its own burst.
    expect((await get('/api/v1/namespaces')).status).toBe(500);
  });

  it('serverError limited to some resources leaves the others alone, and without times it never stops', async () => {
    cluster.setFaults({ serverError: { resources: ['pods'] } });
    for (let i = 0; i < 4; i++) expect((await get('/api/v1/namespaces/shop/pods')).status).toBe(500);
    expect((await get('/api/v1/namespaces')).status).toBe(200);
    expect((await get('/version')).status).toBe(200);
  });

  it('throttle: 429 TooManyRequests with Retry-After', async () => {
    cluster.setFaults({ throttle: { times: 1, retryAfterSeconds: 7 } });
    const first = await get('/api/v1/pods');
    expect([first.status, first.headers?.['retry-after'], JSON.parse(first.body).reason]).toEqual([429, '7', 'TooManyRequests']);
    expect((await get('/api/v1/pods')).status).toBe(200);
  });

  it('expireContinue: 410 Expired only on requests that carry a continue token', async () => {
    cluster.setFaults({ expireContinue: { times: 1 } });
    const page1 = await get('/api/v1/pods?limit=2');
    expect(page1.status).toBe(200);
    const cont = JSON.parse(page1.body).metadata.continue as string;
    const page2 = await get(`/api/v1/pods?limit=2&continue=${cont}`);
    expect([page2.status, JSON.parse(page2.body).reason]).toEqual([410, 'Expired']);
    expect((await get(`/api/v1/pods?limit=2&continue=${cont}`)).status).toBe(200);
  });

  it('resetMidBody: status and half a body, then the connection is reset', async () => {
    cluster.setFaults({ resetMidBody: { times: 1 } });
    const r = await get('/api/v1/pods');
    expect(r.status).toBe(200);
    expect(r.error).toMatch(/aborted|ECONNRESET|socket hang up/i);
    expect(r.body.length).toBeGreaterThan(0);
    expect(() => JSON.parse(r.body)).toThrow();
    const after = await get('/api/v1/pods');
    expect([after.error, JSON.parse(after.body).items.length]).toEqual([undefined, 5]);
  });

  it('truncateBody: a clean 200 whose JSON stops half way', async () => {
    cluster.setFaults({ truncateBody: { times: 1 } });
    const r = await get('/api/v1/pods');
    const whole = (await get('/api/v1/pods')).body;
    expect([r.status, r.error]).toEqual([200, undefined]);
    expect(r.body).toBe(whole.slice(0, Math.floor(whole.length / 2)));
    expect(() => JSON.parse(r.body)).toThrow();
  });

  it('hang: the server accepts the request and never answers', async () => {
    cluster.setFaults({ hang: true });
    const started = Date.now();
    const r = await get('/version', 500);
    expect(r.error).toBe('client timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    cluster.setFaults({});
    expect((await get('/version')).status).toBe(200);
  });

  it('setFaults restarts every burst count', async () => {
    cluster.setFaults({ serverError: { times: 1 } });
    expect((await get('/api/v1/pods')).status).toBe(500);
    expect((await get('/api/v1/pods')).status).toBe(200);
    cluster.setFaults({ serverError: { times: 1 } });
    expect((await get('/api/v1/pods')).status).toBe(500);
  });
});

describe('injectFault', () => {
  it('matches resources by plural in every path form, and counts per path', () => {
    const hits = new Map<string, number>();
    const faults = { truncateBody: { resources: ['rolebindings'], times: 1 } };
    expect(injectFault(faults, hits, '/apis/rbac.authorization.k8s.io/v1/namespaces/a/rolebindings', false)?.type).toBe('truncate');
    expect(injectFault(faults, hits, '/apis/rbac.authorization.k8s.io/v1/namespaces/a/rolebindings', false)).toBeNull();
    expect(injectFault(faults, hits, '/apis/rbac.authorization.k8s.io/v1/rolebindings', false)?.type).toBe('truncate');
    expect(injectFault(faults, hits, '/apis/rbac.authorization.k8s.io/v1/roles', false)).toBeNull();
    expect(injectFault(faults, hits, '/version', false)).toBeNull();
  });
});
