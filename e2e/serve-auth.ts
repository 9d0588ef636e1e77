// Playwright's third web server: the fake API server with TokenReview users and
// SubjectAccessReview rules, and two dashboards reading it: AUTH_MODE=token on PORT and
// AUTH_MODE=proxy on PORT + 1 (its trusted proxy range excludes loopback, so only the
// shared secret admits a request from the tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readObjectsFromPath } from '../lib/cluster/manifests';
import { apiServerVersion, DEMO_MANIFESTS } from '../lib/cluster/offline';
import { AUTH_E2E } from './auth-fixtures';
import { nextStartArgs } from './boundary-helpers';
import { startFakeCluster } from './fake-cluster/server';
import { clockFile, setClockOffset } from './test-clock';

const port = Number(process.env.PORT ?? 3105);
const objects = await readObjectsFromPath(DEMO_MANIFESTS);
const fake = await startFakeCluster({ objects, port: 0, version: apiServerVersion(objects) ?? undefined, reviews: AUTH_E2E.reviews });
const kubeconfig = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-e2e-auth-')), 'kubeconfig');
await fake.writeKubeconfig(kubeconfig);

const base: NodeJS.ProcessEnv = { ...process.env, KUBECONFIG: kubeconfig, NEXT_TELEMETRY_DISABLED: '1' };
for (const k of Object.keys(base)) if (k.startsWith('AUTH_') || k === 'METRICS_TOKEN' || k === 'POSTURE_SOURCE' || k === 'KUBE_CONTEXT') delete base[k];
delete base.DATABASE_URL;

async function start(p: number, env: Record<string, string>): Promise<ChildProcess> {
  // A store each: an embedded PGlite store has one writer.
  const DATA_DIR = await mkdtemp(path.join(os.tmpdir(), 'kp-e2e-auth-data-'));
  return spawn(process.execPath, nextStartArgs('127.0.0.1', p), {
    env: { ...base, ...env, DATA_DIR } as NodeJS.ProcessEnv,
    stdio: 'inherit',
  });
}

// The proxy dashboard keeps exceptions to the sre group and reads a clock the specs can move
// (e2e/exceptions.spec.ts), starting at real time.
setClockOffset(port + 1, 0);
const servers = await Promise.all([
  // Eight sign-ins a minute per address: the specs' own sign-ins from 127.0.0.1 stay under it (auth.spec.ts
  // uses the limit up from 127.0.0.2), so cache-auth.spec.ts never waits a minute for the limiter.
  start(port, {
    AUTH_MODE: 'token',
    AUTH_SESSION_SECRET: AUTH_E2E.sessionSecret,
    AUTH_ADMIN_GROUPS: 'sre',
    METRICS_TOKEN: AUTH_E2E.metricsToken,
    AUTH_SIGNIN_PER_MINUTE: String(AUTH_E2E.signinPerMinute),
  }),
  start(port + 1, {
    AUTH_MODE: 'proxy',
    AUTH_PROXY_TRUSTED_CIDRS: '10.99.0.0/16',
    AUTH_PROXY_SECRET: AUTH_E2E.proxySecret,
    AUTH_ADMIN_GROUPS: 'sre',
    EXCEPTION_GROUPS: 'sre',
    KUBE_POSTURE_E2E_CLOCK_FILE: clockFile(port + 1),
  }),
]);

const stop = async (code = 0) => {
  for (const s of servers) s.kill('SIGTERM');
  await fake.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
for (const s of servers) s.on('exit', (code) => void stop(code ?? 1));
