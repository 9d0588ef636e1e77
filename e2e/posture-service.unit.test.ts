// The server scans a cluster once however many viewers ask, and keeps the last good
// posture, with the error, when the cluster stops answering.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPosture, rescan } from '../lib/server/posture-service';
import { startFakeCluster } from './fake-cluster/server';

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { containers: [{ name: 'web', image: 'nginx:latest' }] } },
];

describe('posture service', () => {
  it('answers 50 concurrent viewers with one scan, then serves the last good posture when the cluster goes away', async () => {
    const podLists: string[] = [];
    const fake = await startFakeCluster({ objects, port: 0, onRequest: (r) => void (r.path === '/api/v1/pods' && !r.query.watch && podLists.push(r.path)) });
    const kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-svc-')), 'kubeconfig');
    await fake.writeKubeconfig(kubeconfig);
    const spec = { kind: 'live' as const, kubeconfig };

    const results = await Promise.all(Array.from({ length: 50 }, () => getPosture(spec)));
    expect(podLists).toHaveLength(1);
    expect(new Set(results.map((r) => r.doc?.generatedAt)).size).toBe(1);
    const good = results[0]!.doc!;
    expect(good.findings.some((f) => f.resource.name === 'web')).toBe(true);

    await fake.close();
    await expect(rescan(spec)).rejects.toThrow(/cannot reach/);
    const after = await getPosture(spec);
    expect(after.doc?.generatedAt).toBe(good.generatedAt);
    expect(after.error).toMatch(/cannot reach/);
  });
});
