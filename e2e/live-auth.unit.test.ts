// Credentials and TLS on the live path, against the fake API server: exec plugins work,
// wrong credentials fail clearly, and an unknown server certificate is refused.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterUnreachableError, scanLive } from '../lib/cluster/live';
import { startFakeCluster } from './fake-cluster/server';

let fake: Awaited<ReturnType<typeof startFakeCluster>>;
let dir: string;

const objects = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'shop' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
];

beforeAll(async () => {
  fake = await startFakeCluster({ objects, port: 0 });
  dir = await mkdtemp(path.join(os.tmpdir(), 'kp-auth-'));
});
afterAll(async () => fake?.close());

async function kubeconfig(name: string, user: Record<string, unknown>, cluster: Record<string, unknown> = {}): Promise<string> {
  const file = path.join(dir, name);
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: fake.url, 'certificate-authority-data': Buffer.from(fake.caPem).toString('base64'), ...cluster } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
    'current-context': 'ctx',
  };
  await writeFile(file, stringify(config), { mode: 0o600 });
  return file;
}

describe('live credentials and TLS', () => {
  it('gets its token from an exec credential plugin, as kubectl does', async () => {
    const plugin = path.join(dir, 'plugin.mjs');
    await writeFile(
      plugin,
      `process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: ${JSON.stringify(fake.token)} } }));`,
    );
    const file = await kubeconfig('exec', {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: process.execPath, args: [plugin], interactiveMode: 'Never' },
    });
    const inv = await scanLive({ kubeconfig: file });
    expect(inv.objects.pods.map((p) => p.metadata.name)).toEqual(['web']);
    expect(inv.cluster.name).toBe('ctx');
  });

  it('fails the scan with a clear error on a wrong token, instead of reporting an empty cluster', async () => {
    const file = await kubeconfig('wrong', { token: 'not-the-token' });
    const err = await scanLive({ kubeconfig: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/rejected our credentials \(401 Unauthorized\)/);
  });

  it('refuses a server whose certificate the kubeconfig does not trust', async () => {
    const file = await kubeconfig('no-ca', { token: fake.token }, { 'certificate-authority-data': undefined });
    const err = await scanLive({ kubeconfig: file }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterUnreachableError);
    expect((err as Error).message).toMatch(/cannot reach .*(self-signed|certificate|unable to verify)/i);
  });
});
