// The container image, without a container engine: the Dockerfile's final stage assembled from
// the local standalone build (its COPY lines), started with the image's CMD, ENV and USER in
// that directory, with only DATA_DIR writable. The image must serve pages and its probes.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FORGED_TARGETS, hammer, type HammerResult } from './boundary-helpers';
import { readFinalStage } from './dockerfile-stage';

const DIST = process.env.NEXT_DIST_DIR || '.next';
const PROXY_SECRET = 'standalone-e2e-proxy-secret';
const VIEWER = { 'X-Forwarded-User': 'ops@example.com', 'X-Forwarded-Groups': 'sre', 'X-Auth-Proxy-Secret': PROXY_SECRET };
// An outsider's forgery: identity headers and a peer-address header naming a trusted proxy address.
const FORGED = { 'X-Forwarded-User': 'mallory@example.com', 'X-Forwarded-Groups': 'sre', 'X-Kp-Peer-Address': '10.99.0.7' };
const BUILT = existsSync(path.join(DIST, 'standalone', 'server.js'));

test.describe('container image (standalone server)', () => {
  test.skip(!BUILT, `no standalone build in ${DIST}/standalone: build with NEXT_OUTPUT_STANDALONE=1 (npm run test:e2e does)`);
  // Start-up waits behind a 503 until authentication is in place: slow on a loaded machine.
  test.setTimeout(120_000);

  let server: ChildProcess | undefined;
  let root = '';
  let base = '';
  let dataDir = '';
  let log = '';
  let flood: ReturnType<typeof hammer> | undefined;

  test.beforeAll(async () => {
    const stage = readFinalStage();
    expect(stage.cmd).toEqual(['node', '--import', './lib/server/boundary/preload.mjs', 'server.js']);
    expect(stage.user?.uid, 'the image runs as a numeric non-root user').toBeGreaterThan(0);
    expect(stage.env).toMatchObject({ HOSTNAME: '0.0.0.0', DATA_DIR: '/data', NEXT_TELEMETRY_DISABLED: '1', AUTH_MODE: 'token' });

    root = await mkdtemp(path.join(os.tmpdir(), 'kp-image-'));
    await chmod(root, 0o755);
    const workdir = path.join(root, 'app');
    // The build stage works in /app on a copy of this checkout; a local build may use another dist dir.
    const local = (p: string) =>
      p
        .split('/')
        .map((seg) => (seg === '.next' ? DIST : seg))
        .join('/');
    for (const c of stage.copies) {
      const src = path.resolve(local(path.relative('/app', c.src)));
      const dest = path.resolve(workdir, local(c.dest));
      if (!existsSync(src) && path.basename(src) === 'public') continue; // the build stage creates an empty one
      await mkdir(path.dirname(dest), { recursive: true });
      await cp(src, dest, { recursive: true });
    }
    dataDir = path.join(root, 'data');
    await mkdir(dataDir, { mode: 0o700 });

    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Only the image's environment (plus PATH to find node), pointed at the demo cluster. The demo
    // cannot review sign-in tokens, so the server sits behind an "auth proxy" (the tests) instead.
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: 'production',
      PATH: process.env.PATH,
      ...stage.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      POSTURE_SOURCE: 'demo',
      AUTH_MODE: 'proxy',
      AUTH_PROXY_SECRET: PROXY_SECRET,
      AUTH_PROXY_TRUSTED_CIDRS: '10.99.0.0/16',
      AUTH_ADMIN_GROUPS: 'sre',
    };
    // As root, run as the image's user: the app files stay root-owned, so any write outside DATA_DIR fails.
    const asUser = process.getuid?.() === 0 && stage.user ? stage.user : undefined;
    if (asUser) await chown(dataDir, asUser.uid, asUser.gid);
    else test.info().annotations.push({ type: 'note', description: 'not root: the server runs as the current user' });
    const child = spawn(stage.cmd[0]!, stage.cmd.slice(1), { cwd: workdir, env, uid: asUser?.uid, gid: asUser?.gid, stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('exit', (code, signal) => (log += `\n[server exited: ${signal ?? code}]\n`));
    // From the moment the process exists, an outsider sends forged identity headers.
    flood = hammer(base, FORGED_TARGETS, FORGED);
  });

  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('server log', { body: log, contentType: 'text/plain' });
  });

  test.afterAll(async () => {
    await flood?.stop();
    server?.kill('SIGTERM');
    if (root) await rm(root, { recursive: true, force: true });
  });

  test('serves /healthz, becomes ready, and renders the overview', async ({ page }) => {
    await expect.poll(async () => (await fetch(`${base}/healthz`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok' });

    let ready: { ready?: boolean } = {};
    await expect
      .poll(
        async () => {
          // A dropped connection is retried like a 503; the server log says whether it died.
          const res = await fetch(`${base}/readyz`).catch((e) => `GET /readyz: ${e.cause?.message ?? e.message}`);
          if (typeof res === 'string') return res;
          ready = await res.json();
          return res.status;
        },
        { timeout: 40_000, intervals: [500, 1000, 2000] },
      )
      .toBe(200);
    expect(ready).toEqual({ ready: true, checks: { cluster: { ok: true }, store: { ok: true } } });

    // Probes are open; the posture is not.
    expect((await fetch(`${base}/api/posture`)).status).toBe(401);
    await page.setExtraHTTPHeaders(VIEWER);
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const doc = await (await fetch(`${base}/api/posture`, { headers: VIEWER })).json();
    expect(doc.cluster).toMatchObject({ name: 'demo', source: 'demo' });

    // The snapshot store was opened in DATA_DIR, the one writable path.
    expect(await readdir(dataDir)).toContain('pglite');
    expect(log).not.toMatch(/EACCES|EROFS/);
  });

  test('standalone-startup-forgery: forged identity headers sent from before the port opens are never served', async () => {
    // The flood has run from the spawn until the server serves the real proxy, and a little after.
    await expect
      .poll(async () => (await fetch(`${base}/api/posture/overview`, { headers: VIEWER }).catch(() => null))?.status, { timeout: 90_000 })
      .toBe(200);
    const result: HammerResult = await flood!.stop();
    test.info().annotations.push({ type: 'statuses during start-up', description: JSON.stringify(result.statuses) });
    expect(result.served, `served to forged headers: ${JSON.stringify(result.served.slice(0, 5))}`).toEqual([]);
    expect(result.statuses[401] ?? 0).toBeGreaterThan(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
