// The server recovers by itself: after a failed scan it keeps the last good posture and its
// age, and the first request after the refresh interval scans again, with no one pressing Rescan.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeCluster, type FakeCluster } from './fake-cluster/server';

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { containers: [{ name: 'web', image: 'nginx:latest' }] } },
];

let fake: FakeCluster;
let svc: typeof import('../lib/server/posture-service');
beforeAll(async () => {
  // Read when the service module loads: a one-second refresh and a short request timeout.
  process.env.POSTURE_REFRESH_SECONDS = '1';
  process.env.POSTURE_REQUEST_TIMEOUT_MS = '300';
  process.env.POSTURE_WATCH = '0'; // this is about rescans; a watched posture stays current without them (live-watch.unit.test.ts)
  svc = await import('../lib/server/posture-service');
  fake = await startFakeCluster({ objects });
}, 60_000); // the service's module graph: seconds, over vitest's 10 s hook default on a loaded machine
afterAll(async () => {
  delete process.env.POSTURE_REFRESH_SECONDS;
  delete process.env.POSTURE_REQUEST_TIMEOUT_MS;
  delete process.env.POSTURE_WATCH;
  await fake?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('posture service under a hung API server', () => {
  it('keeps the last good result while the API hangs, and rescans on its own once it answers', async () => {
    const kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-recover-')), 'kubeconfig');
    await fake.writeKubeconfig(kubeconfig);
    const spec = { kind: 'live' as const, kubeconfig };
    const good = (await svc.getPosture(spec)).doc!;
    expect(good.findings.some((f) => f.resource.name === 'web')).toBe(true);

    fake.setFaults({ hang: true });
    await sleep(1_100);
    const started = Date.now();
    const stale = await svc.getPosture(spec); // stale: this request scans, and the scan times out
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stale.doc?.generatedAt).toBe(good.generatedAt);
    expect(stale.error).toMatch(/no complete answer to \/version within 300 ms/);
    expect(svc.scanState(spec)).toMatchObject({ lastGoodAt: Date.parse(good.generatedAt), error: stale.error, scanning: false });

    fake.setFaults({});
    await sleep(1_100);
    const recovered = await svc.getPosture(spec);
    expect(recovered.error).toBeNull();
    expect(Date.parse(recovered.doc!.generatedAt)).toBeGreaterThan(Date.parse(good.generatedAt));
    expect(recovered.doc!.findings.map((f) => f.checkId).sort()).toEqual(good.findings.map((f) => f.checkId).sort());
  });
});
