// The response cache with real sessions (servers from e2e/serve-auth.ts, AUTH_MODE=token): a page
// or document cached for a cluster-wide viewer never reaches a namespace viewer, and a session
// that signed out gets no cached answer.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { AUTH_E2E } from './auth-fixtures';
import { PORTS } from './ports';

const AUTH_PORT = PORTS.auth;
const TOKEN = `http://127.0.0.1:${AUTH_PORT}`;
const CACHED = ['/', '/api/posture', '/api/posture/overview'];

async function signedIn(browser: Browser, token: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${TOKEN}/signin`);
  await page.getByLabel('Kubernetes bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Not rate limited: auth.spec.ts uses the limit up from another address (127.0.0.2).
  await expect(page).toHaveURL(`${TOKEN}/`);
  return page;
}

test('a namespace viewer never gets what was cached for a cluster-wide viewer; a signed-out session gets nothing cached', async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await signedIn(browser, AUTH_E2E.tokens.admin);
  const adminEtags: Record<string, string> = {};
  for (const path of CACHED) {
    // Twice: the second is answered from the cache.
    for (let i = 0; i < 2; i++) {
      const res = await admin.request.get(`${TOKEN}${path}`);
      expect(res.status()).toBe(200);
      expect(await res.text()).toContain('legacy-crm');
      adminEtags[path] = res.headers()['etag']!;
    }
  }

  const pat = await signedIn(browser, AUTH_E2E.tokens.payments);
  for (const path of CACHED) {
    const res = await pat.request.get(`${TOKEN}${path}`, { headers: { 'if-none-match': adminEtags[path]! } });
    expect(res.status(), path).toBe(200); // not the admin's entity, so never a 304 to it
    const body = await res.text();
    expect(body, path).toContain('payments');
    expect(body, path).not.toContain('legacy-crm');
  }

  // The admin signs out; the same cookie, sent again, gets no cached page or document.
  const cookie = (await admin.context().cookies()).find((c) => c.name === 'kp-session')!;
  await admin.getByTestId('viewer-bar').getByRole('button', { name: 'Sign out' }).click();
  await expect(admin).toHaveURL(`${TOKEN}/signin`);
  for (const path of CACHED) {
    const replay = await fetch(`${TOKEN}${path}`, { headers: { Cookie: `kp-session=${cookie.value}`, 'If-None-Match': adminEtags[path]! }, redirect: 'manual' });
    expect(replay.status, path).not.toBe(200);
    expect(replay.status, path).not.toBe(304);
    expect(await replay.text(), path).not.toContain('legacy-crm');
  }
});
