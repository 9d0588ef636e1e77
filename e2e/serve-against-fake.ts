// Playwright's web server: the fake API server on the demo fixtures, and the built
// dashboard (`next start`) reading it through a kubeconfig, as it would a real cluster.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readObjectsFromPath } from '../lib/cluster/manifests';
import { apiServerVersion, DEMO_MANIFESTS } from '../lib/cluster/offline';
import { nextStartArgs } from './boundary-helpers';
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

// The specs change the cluster and switch faults through this loopback port (e2e/control.ts).
const control = http.createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    if (req.method === 'POST' && req.url === '/faults') fake.setFaults(body ?? {});
    else if (req.method === 'POST' && req.url === '/objects') fake.setObjects(body ?? objects);
    else if (req.method === 'POST' && req.url === '/reset') {
      fake.setObjects(objects);
      fake.setFaults({});
    } else if (req.method === 'GET' && req.url === '/objects') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(objects));
      return;
    } else {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(204).end();
  } catch (e) {
    res.writeHead(400).end((e as Error).message);
  }
});
control.listen(Number(process.env.CONTROL_PORT ?? port + 2), '127.0.0.1');

const env: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: kubeconfig, NEXT_TELEMETRY_DISABLED: '1' };
delete env.POSTURE_SOURCE;
// Snapshots go to a fresh store per run (PGlite), never a developer's DATABASE_URL.
env.DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'kp-e2e-data-'));
delete env.DATABASE_URL;
// The suite rescans many times a minute; the throttle itself is tested in e2e/pentest-routes.unit.test.ts.
env.RESCAN_PER_MINUTE ??= '1000';
env.RESCAN_MIN_INTERVAL ??= '0';
delete env.KUBE_CONTEXT; // the kubeconfig's current context, whatever the caller's shell says
// As `npm start` runs it: the request boundary's preload first (lib/server/boundary).
const next = spawn(process.execPath, nextStartArgs('127.0.0.1', port), { env, stdio: 'inherit' });

const stop = async () => {
  next.kill('SIGTERM');
  control.close();
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
next.on('exit', async (code) => {
  control.close();
  await fake.close();
  process.exit(code ?? 1);
});
