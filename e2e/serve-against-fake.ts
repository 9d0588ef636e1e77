// Playwright's web server: the fake API server on the demo fixtures, and the built
// dashboard (`next start`) reading it through a kubeconfig, as it would a real cluster.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readObjectsFromPath } from '../lib/cluster/manifests';
import { apiServerVersion, DEMO_MANIFESTS } from '../lib/cluster/offline';
import { startFakeCluster } from './fake-cluster/server';

const port = Number(process.env.PORT ?? 3100);
const objects = await readObjectsFromPath(DEMO_MANIFESTS);
const fake = await startFakeCluster({ objects, port: 0, version: apiServerVersion(objects) ?? undefined });
const kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-e2e-')), 'kubeconfig');
await fake.writeKubeconfig(kubeconfig);
// A second context to the same server, so the context picker has something to pick.
const config = parse(await readFile(kubeconfig, 'utf8'));
config.contexts.push({ name: 'fake-cluster-b', context: { ...config.contexts[0].context } });
await writeFile(kubeconfig, stringify(config), { mode: 0o600 });
process.stderr.write(`fake cluster at ${fake.url}, kubeconfig ${kubeconfig}\n`);

const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: kubeconfig, NEXT_TELEMETRY_DISABLED: '1' };
delete env.POSTURE_SOURCE;
delete env.KUBE_CONTEXT; // the kubeconfig's current context, whatever the caller's shell says
const next = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-p', String(port)], { env, stdio: 'inherit' });

const stop = async () => {
  next.kill('SIGTERM');
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
next.on('exit', async (code) => {
  await fake.close();
  process.exit(code ?? 1);
});
