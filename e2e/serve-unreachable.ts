// A second web server for the browser tests: the built dashboard pointed, through a
// kubeconfig, at an API server that is not there, so the tests can see how a failed scan reads.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { nextStartArgs } from './boundary-helpers';

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const port = Number(process.env.PORT ?? 3101);
const kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-e2e-gone-')), 'kubeconfig');
const server = `https://127.0.0.1:${await closedPort()}`;
await writeFile(
  kubeconfig,
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'gone', cluster: { server } }],
    users: [{ name: 'gone', user: { token: 'not-a-real-token' } }],
    contexts: [{ name: 'gone-cluster', context: { cluster: 'gone', user: 'gone' } }],
    'current-context': 'gone-cluster',
  }),
  { mode: 0o600 },
);
process.stderr.write(`unreachable cluster ${server}, kubeconfig ${kubeconfig}\n`);

const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: kubeconfig, NEXT_TELEMETRY_DISABLED: '1' };
delete env.POSTURE_SOURCE;
// Its own empty snapshot store: never the checkout's .data, which another server may hold open.
env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'kp-e2e-gone-data-'));
delete env.DATABASE_URL;
delete env.KUBE_CONTEXT;
// As `npm start` runs it: the request boundary's preload first (lib/server/boundary).
const next = spawn(process.execPath, nextStartArgs('127.0.0.1', port), { env, stdio: 'inherit' });

const stop = () => {
  next.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
next.on('exit', (code) => process.exit(code ?? 1));
