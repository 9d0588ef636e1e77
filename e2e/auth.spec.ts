// Authentication and authorization end to end (servers from e2e/serve-auth.ts): token
// sign-in verified by TokenReview, namespaces by SubjectAccessReview, proxy-mode trust.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createSession } from '../lib/server/auth/session';
import type { PostureDocument } from '../lib/posture/types';
import { AUTH_E2E } from './auth-fixtures';
import { request as raw } from './boundary-helpers';
import { PORTS } from './ports';

const AUTH_PORT = PORTS.auth;
const TOKEN = `http://127.0.0.1:${AUTH_PORT}`;
const PROXY = `http://127.0.0.1:${AUTH_PORT + 1}`;

async function signIn(page: Page, token: string, next = '/') {
  await page.goto(`${TOKEN}/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Kubernetes bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('AUTH_MODE=token', () => {
  test('pages send a visitor without a session to /signin; the API answers 401', async ({ page }) => {
    await page.goto(`${TOKEN}/namespaces`);
    await expect(page).toHaveURL(`${TOKEN}/signin?next=%2Fnamespaces`);
    const api = await page.request.get(`${TOKEN}/api/posture`);
    expect(api.status()).toBe(401);
    expect(JSON.stringify(await api.json())).not.toContain('payments');
  });

  test('a bad token is rejected and sets no session', async ({ page }) => {
    await signIn(page, 'not-a-real-token');
    await expect(page).toHaveURL(/\/signin\?error=invalid/);
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText('The cluster did not accept that token.');
    expect((await page.context().cookies()).find((c) => c.name === 'kp-session')).toBeUndefined();
    expect((await page.request.get(`${TOKEN}/api/posture`)).status()).toBe(401);
  });

  test('a viewer limited to one namespace sees only it, on the pages and in the API', async ({ page }) => {
    await signIn(page, AUTH_E2E.tokens.payments, '/namespaces');
    await expect(page).toHaveURL(`${TOKEN}/namespaces`);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'kp-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookie.value).not.toContain(AUTH_E2E.tokens.payments);

    await expect(page.locator('tbody tr[data-namespace]')).toHaveCount(1);
    await expect(page.locator('tbody tr[data-namespace="payments"]')).toHaveCount(1);
    await expect(page.getByTestId('restricted-view')).toContainText('(payments)');

    const doc: PostureDocument = await (await page.request.get(`${TOKEN}/api/posture`)).json();
    expect(doc.namespaces.map((n) => n.name)).toEqual(['payments']);
    expect(doc.view).toEqual({ restrictedTo: ['payments'] });
    expect(doc.findings.every((f) => f.resource.namespace === 'payments' || (f.resource.kind === 'Namespace' && f.resource.name === 'payments'))).toBe(true);
    const findings = await (await page.request.get(`${TOKEN}/api/findings`)).json();
    expect(
      findings.findings.every((f: { resource: { namespace: string | null } }) => f.resource.namespace === 'payments' || f.resource.namespace === null),
    ).toBe(true);

    // Another namespace's page does not exist for this viewer; cluster-wide views are refused.
    expect((await page.goto(`${TOKEN}/namespaces/legacy-crm`))!.status()).toBe(404);
    expect((await page.request.get(`${TOKEN}/api/rbac/subjects`)).status()).toBe(403);
    expect((await page.request.get(`${TOKEN}/metrics`)).status()).toBe(403);
    // Every page renders the restricted document, and shows nothing of other namespaces.
    for (const path of ['/', '/findings', '/areas/pod-security', '/namespaces/payments']) {
      expect((await page.goto(`${TOKEN}${path}`))!.status(), path).toBe(200);
      expect(await page.content(), path).not.toContain('legacy-crm');
    }
    // Snapshots hold the whole cluster's document.
    expect((await page.request.get(`${TOKEN}/api/snapshots`)).status()).toBe(403);
    expect((await page.request.post(`${TOKEN}/api/snapshots`, { data: {} })).status()).toBe(403);
    expect((await page.goto(`${TOKEN}/snapshots`))!.status()).toBe(404);
  });

  test('an admin-group viewer sees the whole cluster; a scraper reads /metrics with METRICS_TOKEN', async ({ page }) => {
    await signIn(page, AUTH_E2E.tokens.admin);
    await expect(page).toHaveURL(`${TOKEN}/`);
    const doc: PostureDocument = await (await page.request.get(`${TOKEN}/api/posture`)).json();
    expect(doc.namespaces.length).toBeGreaterThan(5);
    expect(doc.view).toBeUndefined();
    expect((await page.request.get(`${TOKEN}/api/rbac/subjects`)).status()).toBe(200);
    await page.goto(`${TOKEN}/findings`);
    expect(await page.content()).toContain('legacy-crm'); // what the namespace viewer's pages must not show

    expect((await fetch(`${TOKEN}/metrics`)).status).toBe(401);
    const scraped = await fetch(`${TOKEN}/metrics`, { headers: { Authorization: `Bearer ${AUTH_E2E.metricsToken}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    expect(await scraped.text()).toMatch(/^kube_posture_namespace_score\{namespace="payments"\} \d+$/m);
    expect((await fetch(`${TOKEN}/metrics`, { headers: { Authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
  });

  test('an expired session goes back to /signin, and says so', async ({ page, context }) => {
    const old = createSession({ user: 'pat@example.com', groups: ['payments-team'] }, Buffer.from(AUTH_E2E.sessionSecret), 60_000, Date.now() - 120_000);
    await context.addCookies([{ name: 'kp-session', value: old, url: TOKEN }]);
    await page.goto(`${TOKEN}/findings`);
    await expect(page).toHaveURL(`${TOKEN}/signin?next=%2Ffindings&expired=1`);
    await expect(page.getByRole('alert').filter({ hasText: /./ })).toHaveText('Your session has expired; sign in again.');
  });

  test('a forged session cookie is refused', async ({ context, page }) => {
    const forged = createSession({ user: 'root@example.com', groups: ['sre'] }, Buffer.from('not-the-server-secret-0123456789ab'), 3_600_000);
    await context.addCookies([{ name: 'kp-session', value: forged, url: TOKEN }]);
    expect((await page.request.get(`${TOKEN}/api/posture`)).status()).toBe(401);
  });

  test('every page says who is signed in; signing out ends the session', async ({ page }) => {
    await signIn(page, AUTH_E2E.tokens.payments);
    await expect(page).toHaveURL(`${TOKEN}/`);
    const bar = page.getByTestId('viewer-bar');
    await expect(bar).toContainText(`Signed in as pat@example.com`);
    await page.goto(`${TOKEN}/namespaces`);
    const before = (await page.context().cookies()).find((c) => c.name === 'kp-session')!;
    await bar.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${TOKEN}/signin`);
    await expect(page.getByTestId('viewer-bar')).toHaveCount(0);
    // The cookie is gone: pages send the visitor back to sign in, the API answers 401.
    await page.goto(`${TOKEN}/namespaces`);
    await expect(page).toHaveURL(/\/signin/);
    expect((await page.request.get(`${TOKEN}/api/posture`)).status()).toBe(401);
    // signout-revokes (pen test issue 13, item 6): the same cookie, sent again, is refused by the server.
    const replay = await fetch(`${TOKEN}/api/posture`, { headers: { Cookie: `kp-session=${before.value}` } });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ error: 'signed out' });
  });

  // From 127.0.0.2, so that the other specs' sign-ins from 127.0.0.1 are not refused for the minute after.
  test('sign-in attempts are rate limited per client address', async ({ request }) => {
    const guess = (i: number) =>
      raw(`${TOKEN}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=guess-${i}`,
        localAddress: '127.0.0.2',
      });
    const statuses: number[] = [];
    let retryAfter: string | string[] | undefined;
    for (let i = 0; i <= AUTH_E2E.signinPerMinute; i++) {
      const res = await guess(i);
      statuses.push(res.status);
      retryAfter = res.headers['retry-after'];
    }
    // Each allowed guess is refused as a bad token; the one past the limit is refused as too many.
    expect(statuses.slice(0, -1)).not.toContain(429);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another address is not limited by this one's guesses.
    const other = await request.post(`${TOKEN}/api/auth/signin`, { form: { token: 'guess-from-elsewhere' }, maxRedirects: 0 });
    expect(other.status()).not.toBe(429);
  });
});

test.describe('AUTH_MODE=proxy', () => {
  const identity = { 'X-Forwarded-User': 'pat@example.com', 'X-Forwarded-Groups': 'payments-team' };

  test('identity headers from outside the trusted proxy range are rejected, however they are dressed up', async ({ request }) => {
    expect((await request.get(`${PROXY}/api/posture`, { headers: identity })).status()).toBe(401);
    // Neither X-Forwarded-For nor our own peer header can be forged: the server stamps the socket's address.
    const dressed = { ...identity, 'X-Forwarded-For': '10.99.0.7', 'X-Kp-Peer-Address': '10.99.0.7' };
    expect((await request.get(`${PROXY}/api/posture`, { headers: dressed })).status()).toBe(401);
    expect((await request.get(`${PROXY}/api/posture`, { headers: { ...identity, 'X-Auth-Proxy-Secret': 'e2e-proxy-secret-wrong-guess' } })).status()).toBe(401);
    expect((await request.get(`${PROXY}/namespaces`, { headers: identity })).status()).toBe(401);
  });

  test('the shared secret admits the proxy, and the viewer sees only their namespace', async ({ request }) => {
    const res = await request.get(`${PROXY}/api/posture`, { headers: { ...identity, 'X-Auth-Proxy-Secret': AUTH_E2E.proxySecret } });
    expect(res.status()).toBe(200);
    const doc: PostureDocument = await res.json();
    expect(doc.namespaces.map((n) => n.name)).toEqual(['payments']);
    const admin = await request.get(`${PROXY}/api/posture`, {
      headers: { 'X-Forwarded-User': 'root@example.com', 'X-Forwarded-Groups': 'sre', 'X-Auth-Proxy-Secret': AUTH_E2E.proxySecret },
    });
    expect(((await admin.json()) as PostureDocument).namespaces.length).toBeGreaterThan(5);
  });
});

test('AUTH_MODE=none refuses to start on a network address, and says why', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_MODE: 'none', NEXT_TELEMETRY_DISABLED: '1', POSTURE_SOURCE: 'demo' };
  delete env.AUTH_ALLOW_NONE_ON_NETWORK;
  const child = spawn(path.join('node_modules', '.bin', 'next'), ['start', '-H', '0.0.0.0', '-p', String(AUTH_PORT + 2)], { env });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      resolve(null);
    }, 25_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(output).toContain('AUTH_MODE=none but the server listens on 0.0.0.0');
  expect(code).toBe(1);
});
