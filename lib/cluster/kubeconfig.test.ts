import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, contextNames, loadKubeConfig } from './kubeconfig';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: prod
  cluster: { server: https://prod.example:6443 }
- name: dev
  cluster: { server: https://dev.example:6443 }
users:
- name: me
  user: { token: abc }
contexts:
- name: prod
  context: { cluster: prod, user: me }
- name: dev
  context: { cluster: dev, user: me }
current-context: prod
`;

async function file(text: string) {
  const f = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-kc-')), 'config');
  await writeFile(f, text);
  return f;
}

describe('loadKubeConfig', () => {
  it('uses the current context, or the one asked for', async () => {
    const f = await file(KUBECONFIG);
    expect(loadKubeConfig({ kubeconfig: f }).getCurrentCluster()?.server).toBe('https://prod.example:6443');
    expect(loadKubeConfig({ kubeconfig: f, context: 'dev' }).getCurrentCluster()?.server).toBe('https://dev.example:6443');
    expect(contextNames(loadKubeConfig({ kubeconfig: f }))).toEqual(['prod', 'dev']);
  });

  it('names the known contexts when asked for an unknown one', async () => {
    const f = await file(KUBECONFIG);
    expect(() => loadKubeConfig({ kubeconfig: f, context: 'staging' })).toThrow(
      new ConfigError('context "staging" is not in the kubeconfig (known: prod, dev)'),
    );
  });

  it('says which file could not be loaded', async () => {
    expect(() => loadKubeConfig({ kubeconfig: '/no/such/kubeconfig' })).toThrow(/cannot load kubeconfig \/no\/such\/kubeconfig/);
  });
});
