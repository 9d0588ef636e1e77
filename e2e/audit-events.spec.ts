// /audit end to end. A demo dashboard of its own (POSTURE_SOURCE=demo with the audit webhook on)
// lists the demo's audit log, newest first, and an event posted through the webhook whose fields
// are markup shows as text. On the proxy dashboard (e2e/serve-auth.ts) a namespace viewer gets 404
// for the page and 403 for the API; a cluster-wide viewer sees the page (no events there).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AUTH_E2E } from './auth-fixtures';
import { seriousViolations } from './axe';
import { freePort, nextStartArgs, spawnLogged, type Spawned } from './boundary-helpers';
import { PORTS } from './ports';

const PROXY_PORT = PORTS.auth + 1;
const PROXY = `http://127.0.0.1:${PROXY_PORT}`;
const signedInAs = (user: string, groups: string) => ({ 'X-Forwarded-User': user, 'X-Forwarded-Groups': groups, 'X-Auth-Proxy-Secret': AUTH_E2E.proxySecret });
const TOKEN = 'audit-e2e-token';
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

test.describe('recent audit events', () => {
  test.describe.configure({ timeout: 120_000 });
  let server: Spawned;
  let base = '';
  let dataDir = '';

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kp-e2e-audit-'));
    const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', POSTURE_SOURCE: 'demo', DATA_DIR: dataDir, POSTURE_AUDIT_TOKEN: TOKEN };
    for (const k of Object.keys(env)) if (k.startsWith('AUTH_') || ['METRICS_TOKEN', 'ALLOWED_HOSTS', 'DATABASE_URL', 'KUBECONFIG', 'POSTURE_AUDIT_TLS_PORT'].includes(k)) delete env[k];
    server = spawnLogged(process.execPath, nextStartArgs('127.0.0.1', port), { env });
    const deadline = Date.now() + 200_000;
    while ((await fetch(`${base}/api/audit/events`).catch(() => null))?.status !== 200) {
      if (Date.now() > deadline) throw new Error(`the demo dashboard never served /api/audit/events:\n${server.log()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test.afterEach(async ({}, info) => {
    if (info.status !== info.expectedStatus) await info.attach('server log', { body: server.log(), contentType: 'text/plain' });
  });

  test.afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test('lists the demo audit log newest first, with an event posted through the webhook as plain text', async ({ page }) => {
    const event = {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      auditID: 'e2e-hostile-1',
      stage: 'ResponseComplete',
      requestURI: '/api/v1/namespaces/shop/pods',
      verb: 'list',
      user: { username: `mallory${HOSTILE}`, groups: ['system:authenticated'] },
      sourceIPs: ['203.0.113.66'],
      userAgent: `curl/8 ${HOSTILE}`,
      objectRef: { resource: 'pods', namespace: 'shop', name: `x${HOSTILE}`, apiVersion: 'v1' },
      responseStatus: { metadata: {}, code: 200 },
      requestReceivedTimestamp: '2026-12-02T10:00:00.000000Z',
      stageTimestamp: '2026-12-02T10:00:00.100000Z',
      annotations: { 'authorization.k8s.io/decision': 'allow' },
    };
    const posted = await page.request.post(`${base}/api/audit/webhook`, {
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      data: { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [event] },
    });
    expect(posted.status()).toBe(200);
    await expect.poll(async () => (await (await page.request.get(`${base}/api/audit/events`)).json()).events.length, { timeout: 20_000 }).toBeGreaterThan(150);

    await page.goto(`${base}/audit`);
    await expect(page.getByRole('heading', { name: 'Recent audit events' })).toBeVisible();
    const rows = page.getByTestId('audit-event');
    // The webhook's event arrived last: first in the list, its markup shown as text.
    await expect(rows.first()).toContainText(`mallory${HOSTILE}`);
    await expect(rows.first()).toContainText(`curl/8 ${HOSTILE}`);
    await expect(rows.first()).toContainText(`pods shop/x${HOSTILE}`);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The demo's planted abuse is in the list: maria's privileged pod, a refused request.
    await expect(page.getByRole('table', { name: 'Recent audit events' })).toContainText('maria@acme.com');
    await expect(page.getByRole('table', { name: 'Recent audit events' })).toContainText('forbidden');
    expect(await rows.count()).toBeLessThanOrEqual(200);
    await expect(page.getByRole('columnheader', { name: 'User agent (client-set)' })).toBeVisible();

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('audit-events.png'), fullPage: false });
  });

  test('a namespace viewer gets 404 for the page and 403 for the API; a cluster-wide viewer sees the page', async ({ browser }) => {
    const pat = await browser.newContext({ extraHTTPHeaders: signedInAs('pat@example.com', 'payments-team') });
    const patPage = await pat.newPage();
    expect((await patPage.goto(`${PROXY}/audit`))!.status()).toBe(404);
    const api = await patPage.request.get(`${PROXY}/api/audit/events`);
    expect(api.status()).toBe(403);
    expect(await api.text()).not.toContain('"events"');
    await pat.close();

    const root = await browser.newContext({ extraHTTPHeaders: signedInAs('root@example.com', 'sre') });
    const rootPage = await root.newPage();
    expect((await rootPage.goto(`${PROXY}/audit`))!.status()).toBe(200);
    await expect(rootPage.getByText(/No audit events: point the API server’s audit webhook at kube-posture/)).toBeVisible();
    expect((await rootPage.request.get(`${PROXY}/api/audit/events`)).status()).toBe(200);
    await root.close();
  });
});
