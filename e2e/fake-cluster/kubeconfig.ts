// A kubeconfig for the fake cluster: its CA inline, a bearer token, one context.
import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

export const CONTEXT_NAME = 'fake-cluster';

export function kubeconfigYaml(opts: { server: string; caPem: string; token: string }): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: CONTEXT_NAME, cluster: { server: opts.server, 'certificate-authority-data': Buffer.from(opts.caPem).toString('base64') } }],
    users: [{ name: CONTEXT_NAME, user: { token: opts.token } }],
    contexts: [{ name: CONTEXT_NAME, context: { cluster: CONTEXT_NAME, user: CONTEXT_NAME } }],
    'current-context': CONTEXT_NAME,
    preferences: {},
  });
}

/** Owner-only, like kubectl writes them: the file holds a credential. */
export async function writeKubeconfigFile(file: string, opts: { server: string; caPem: string; token: string }): Promise<void> {
  await writeFile(file, kubeconfigYaml(opts), { mode: 0o600 });
}
