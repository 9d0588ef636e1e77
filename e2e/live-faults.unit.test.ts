// The live reader against a misbehaving API server (the fake's switchable faults): what it
// retries, what it gives up on, and what the posture then says. A fault survived by retrying
// gives the same posture as no fault; one that outlasts the retries leaves that kind missing
// with reason 'error' and its checks not assessed, never passed.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClientOptions } from '../lib/cluster/api-client';
import { ClusterUnreachableError, scanLive } from '../lib/cluster/live';
import { RESOURCES, type Inventory } from '../lib/cluster/inventory';
import { readObjectsFromPath } from '../lib/cluster/manifests';
import { apiServerVersion, DEMO_MANIFESTS } from '../lib/cluster/offline';
import { computePosture } from '../lib/posture/engine';
import type { PostureDocument } from '../lib/posture/types';
import type { Faults } from './fake-cluster/faults';
import { startFakeCluster, type FakeCluster, type RequestRecord } from './fake-cluster/server';

let fake: FakeCluster;
let kubeconfig: string;
let baseline: PostureDocument;
const requests: RequestRecord[] = [];
const NOW = new Date('2026-11-22T12:00:00Z');
const PAGE = 7; // small pages, so continue tokens are in play on the bigger kinds

/** Waits are recorded, not slept: the tests check the schedule without spending it. */
function quickClient(slept: number[] = []): ApiClientOptions {
  return { timeoutMs: 2_000, sleep: async (ms) => void slept.push(ms), random: () => 0.5 };
}

function posture(inv: Inventory): PostureDocument {
  return computePosture({ ...inv, readAt: NOW.toISOString() }, { now: NOW });
}

async function scanWith(faults: Faults, client: ApiClientOptions = quickClient()) {
  fake.setFaults(faults);
  requests.length = 0;
  const inv = await scanLive({ kubeconfig, pageSize: PAGE, client });
  return { inv, doc: posture(inv), statuses: requests.map((r) => r.status) };
}

const same = (doc: PostureDocument) => ({ findings: doc.findings, scores: doc.areas.map((a) => [a.id, a.score]), missing: doc.missingKinds });

beforeAll(async () => {
  const objects = await readObjectsFromPath(DEMO_MANIFESTS);
  fake = await startFakeCluster({ objects, version: apiServerVersion(objects) ?? undefined, onRequest: (r) => requests.push(r) });
  kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-faults-')), 'kubeconfig');
  await fake.writeKubeconfig(kubeconfig);
  baseline = posture(await scanLive({ kubeconfig, pageSize: PAGE }));
});
afterEach(() => fake.setFaults({}));
afterAll(async () => {
  await fake?.close();
});

/** Checks that read `kind` are not assessed, name it, and left no findings behind. */
function expectNotAssessedFor(doc: PostureDocument, kind: string) {
  const unassessed = doc.checks.filter((c) => !c.assessed && c.reason?.includes(kind));
  expect(unassessed.length).toBeGreaterThan(0);
  const ids = new Set(unassessed.map((c) => c.id));
  expect(doc.findings.filter((f) => ids.has(f.checkId))).toEqual([]);
}

describe('retried faults give the same posture as no fault', () => {
  it('a burst of two 500s on every path', async () => {
    const slept: number[] = [];
    const { doc, statuses } = await scanWith({ serverError: { times: 2 } }, quickClient(slept));
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(30); // /version and every kind's first page, twice
    expect(same(doc)).toEqual(same(baseline));
    // Full jitter at 0.5: half of 250 ms, then half of 500 ms.
    expect(new Set(slept)).toEqual(new Set([125, 250]));
  });

  it('429 with Retry-After: waits what the server asks', async () => {
    const slept: number[] = [];
    const { doc, statuses } = await scanWith({ throttle: { times: 1, retryAfterSeconds: 2 } }, quickClient(slept));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(30);
    expect(same(doc)).toEqual(same(baseline));
    expect(new Set(slept)).toEqual(new Set([2_000]));
  });

  it('429 asking for an hour is capped', async () => {
    const slept: number[] = [];
    await scanWith({ throttle: { times: 1, retryAfterSeconds: 3600, resources: ['pods'] } }, quickClient(slept));
    expect(slept).toEqual([10_000]);
  });

  it('an expired continue token (410): the kind is listed again from the start', async () => {
    const { doc, inv } = await scanWith({ expireContinue: { times: 1 } });
    const pages = requests.filter((r) => r.path === '/api/v1/pods');
    expect(pages.some((r) => r.status === 410)).toBe(true);
    // After the 410 the next pods request starts over, without a continue token.
    const after = pages[pages.findIndex((r) => r.status === 410) + 1]!;
    expect(after.query.continue).toBeUndefined();
    expect(inv.objects.pods.length).toBeGreaterThan(PAGE);
    expect(same(doc)).toEqual(same(baseline));
  });

  it('connections reset mid-body, twice per path', async () => {
    const { doc, statuses } = await scanWith({ resetMidBody: { times: 2 } });
    expect(statuses.length).toBeGreaterThan(60);
    expect(same(doc)).toEqual(same(baseline));
  });

  it('truncated JSON bodies', async () => {
    const { doc } = await scanWith({ truncateBody: { times: 1 } });
    expect(same(doc)).toEqual(same(baseline));
  });

  it('added latency below the timeout', async () => {
    const { doc } = await scanWith({ latencyMs: 50 });
    expect(same(doc)).toEqual(same(baseline));
  });
});

describe('faults that outlast the retries: the kind is missing, its checks not assessed', () => {
  it('500 forever on pods', async () => {
    const { doc, inv, statuses } = await scanWith({ serverError: { resources: ['pods'] } });
    expect(inv.missing.pods).toEqual({ reason: 'error', detail: expect.stringMatching(/^listing pods failed: 500 on \/api\/v1\/pods.*etcdserver/) });
    expect(statuses.filter((s) => s === 500).length).toBe(5); // 1 + 4 retries
    expect(Object.keys(inv.missing).filter((k) => inv.missing[k as keyof typeof inv.missing]?.reason === 'error')).toEqual(['pods']);
    expectNotAssessedFor(doc, 'pods');
    expect(doc.findings.length).toBeLessThan(baseline.findings.length);
  });

  it('429 forever on rolebindings', async () => {
    const { doc, inv } = await scanWith({ throttle: { resources: ['rolebindings'], retryAfterSeconds: 1 } });
    expect(inv.missing.rolebindings).toEqual({ reason: 'error', detail: expect.stringContaining('429 on /apis/rbac.authorization.k8s.io/v1/rolebindings') });
    expectNotAssessedFor(doc, 'rolebindings');
    expect(doc.areas.find((a) => a.id === 'rbac')!.score).toBeNull();
  });

  it('connection reset on every read of clusterroles', async () => {
    const { doc, inv } = await scanWith({ resetMidBody: { resources: ['clusterroles'] } });
    expect(inv.missing.clusterroles).toEqual({
      reason: 'error',
      detail: expect.stringMatching(/connection reset on \/apis\/rbac.authorization.k8s.io\/v1\/clusterroles/),
    });
    expectNotAssessedFor(doc, 'clusterroles');
  });

  it('truncated JSON on every read of networkpolicies', async () => {
    const { doc, inv } = await scanWith({ truncateBody: { resources: ['networkpolicies'] } });
    expect(inv.missing.networkpolicies?.detail).toMatch(/invalid or cut-off JSON from \/apis\/networking.k8s.io\/v1\/networkpolicies/);
    expectNotAssessedFor(doc, 'networkpolicies');
  });

  it('continue tokens that always expire: the kind gives up after a few relists', async () => {
    const { inv } = await scanWith({ expireContinue: { resources: ['pods'] } });
    expect(inv.missing.pods).toEqual({
      reason: 'error',
      detail: 'listing pods failed: the list of pods kept changing: its continue token expired 4 times (410 Gone)',
    });
    expect(requests.filter((r) => r.path === '/api/v1/pods' && r.query.continue === undefined).length).toBe(4);
  });
});

describe('a cluster that does not answer fails the scan, within a bound', () => {
  it('hang: each request times out and the scan ends with ClusterUnreachableError', async () => {
    const started = Date.now();
    const err = await scanWith({ hang: true }, { ...quickClient(), timeoutMs: 400 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/no complete answer to \/version within 400 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('lists that hang while /version answers: the first timeouts stop the scan, not one timeout per kind', async () => {
    const started = Date.now();
    const lists = RESOURCES.map((r) => r.key);
    const err = await scanWith({ hangRequests: { resources: lists } }, { ...quickClient(), timeoutMs: 1_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/^no kind could be read from .*: listing \w+ failed: no complete answer to \/\S+ within 1000 ms/);
    // Six lists in parallel time out together and the other kinds are not tried: about one
    // timeout, where a timeout per round of six kinds would take six.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(requests.length).toBe(1); // only /version was answered
  });

  it('one list that hangs: that kind is missing with the timeout, the others are read', async () => {
    const { inv, doc } = await scanWith({ hangRequests: { resources: ['rolebindings'] } }, { ...quickClient(), timeoutMs: 400 });
    expect(inv.missing.rolebindings).toEqual({
      reason: 'error',
      detail: expect.stringMatching(/^listing rolebindings failed: no complete answer to .* within 400 ms$/),
    });
    expect(Object.keys(inv.missing).filter((k) => inv.missing[k as keyof typeof inv.missing]?.reason === 'error')).toEqual(['rolebindings']);
    expectNotAssessedFor(doc, 'rolebindings');
  });

  it('401 on one list (a token that expired mid-scan) fails the whole scan, without retrying', async () => {
    const err = await scanWith({ unauthorized: { resources: ['pods'] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toBe('credentials rejected while listing pods (401)');
    expect(requests.filter((r) => r.status === 401).length).toBe(1);
  });

  it('500 forever everywhere: no kind read, so the scan fails rather than report an empty cluster', async () => {
    const err = await scanWith({ serverError: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/^no kind could be read from https:\/\/127\.0\.0\.1:\d+: listing .* failed: 500/);
  });

  it('the timeout applies to the whole response (POSTURE_REQUEST_TIMEOUT_MS sets its default)', async () => {
    const { requestTimeoutMs } = await import('../lib/cluster/api-client');
    expect(requestTimeoutMs({})).toBe(15_000);
    expect(requestTimeoutMs({ POSTURE_REQUEST_TIMEOUT_MS: '2500' })).toBe(2_500);
    expect(requestTimeoutMs({ POSTURE_REQUEST_TIMEOUT_MS: 'soon' })).toBe(15_000);
    // Latency beyond the timeout: every request fails the same way.
    const err = await scanWith({ latencyMs: 600 }, { ...quickClient(), timeoutMs: 300 }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/within 300 ms/);
  });
});
