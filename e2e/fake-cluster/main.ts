// CLI: serve a folder of manifests (or the demo cluster) as a fake API server until
// SIGINT/SIGTERM.
//   tsx e2e/fake-cluster/main.ts --fixtures PATH|demo [--port N] [--kubeconfig-out FILE]
//                                [--token T] [--version vX.Y.Z] [--verbose]
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readObjectsFromPath } from '../../lib/cluster/manifests';
import { startFakeCluster } from './server';

const USAGE = 'usage: fake-cluster --fixtures PATH|demo [--port N] [--kubeconfig-out FILE] [--token T] [--version vX.Y.Z] [--verbose]';
const DEMO_MANIFESTS = fileURLToPath(new URL('../../lib/demo/manifests', import.meta.url));

export interface CliArgs {
  fixtures: string;
  port: number;
  kubeconfigOut: string;
  token?: string;
  version?: string;
  verbose: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--verbose') {
      verbose = true;
      continue;
    }
    const m = /^--(fixtures|port|kubeconfig-out|token|version)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unknown argument: ${arg}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') throw new UsageError(`--${m[1]} needs a value`);
    values.set(m[1]!, value);
  }
  const fixtures = values.get('fixtures');
  if (!fixtures) throw new UsageError('--fixtures is required (a folder or file of manifests, or "demo")');
  const port = Number(values.get('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got ${values.get('port')}`);
  const version = values.get('version');
  if (version !== undefined && !/^v\d+\.\d+\.\d+/.test(version)) throw new UsageError(`--version must look like v1.32.4, got ${version}`);
  return {
    fixtures: fixtures === 'demo' ? DEMO_MANIFESTS : path.resolve(fixtures),
    port,
    kubeconfigOut: path.resolve(values.get('kubeconfig-out') ?? path.join(os.tmpdir(), 'fake-cluster.kubeconfig')),
    token: values.get('token'),
    version,
    verbose,
  };
}

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`fake-cluster: ${e.message}\n${USAGE}`);
    process.exit(2);
  }
  let objects;
  try {
    objects = await readObjectsFromPath(args.fixtures);
  } catch (e) {
    console.error(`fake-cluster: cannot load fixtures: ${(e as Error).message}`);
    process.exit(2);
  }
  const cluster = await startFakeCluster({
    objects,
    port: args.port,
    token: args.token,
    version: args.version,
    onRequest: args.verbose ? (r) => console.error(`${r.status} ${r.method} ${r.path}${Object.keys(r.query).length ? `?${new URLSearchParams(r.query)}` : ''}`) : undefined,
  }).catch((e: NodeJS.ErrnoException) => {
    console.error(`fake-cluster: cannot listen on 127.0.0.1:${args.port}: ${e.code ?? e.message}`);
    process.exit(1);
  });
  for (const o of cluster.unserved) console.error(`fake-cluster: warning: not served (no built-in kind or CRD): ${o.apiVersion} ${o.kind} ${o.metadata.name}`);
  await cluster.writeKubeconfig(args.kubeconfigOut);
  console.log(`fake-cluster listening on ${cluster.url} (kubeconfig: ${args.kubeconfigOut})`);

  const stop = (signal: string) => {
    console.error(`fake-cluster: ${signal}, shutting down`);
    cluster.close().then(
      () => process.exit(0),
      (e: Error) => {
        console.error(`fake-cluster: close failed: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

// Run only as a program, so tests can import parseArgs.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: Error) => {
    console.error(`fake-cluster: ${e.stack ?? e.message}`);
    process.exit(1);
  });
}
