// Exceptions end to end on the proxy dashboard (e2e/serve-auth.ts: the viewer is who the proxy
// says, EXCEPTION_GROUPS=sre, and a clock the spec moves through e2e/test-clock.ts). Signed in
// through the proxy as an sre member, one adds an exception on /exceptions, the
// finding leaves its namespace's score on the page and in the API, and once the clock passes the
// expiry day it comes back marked expired. A namespace viewer can neither read nor add one.
import { expect as baseExpect, test, type Page } from '@playwright/test';
import type { Finding, PostureDocument } from '../lib/posture/types';
import { AUTH_E2E } from './auth-fixtures';
import { seriousViolations } from './axe';
import { PORTS } from './ports';
import { setClockOffset } from './test-clock';

// A change or an expiry makes the next page load rescan the cluster: slow on a loaded machine.
const expect = baseExpect.configure({ timeout: 30_000 });

const PROXY_PORT = PORTS.auth + 1;
const BASE = `http://127.0.0.1:${PROXY_PORT}`;
const DAY = 86_400_000;
const CHECK = 'image-vulnerabilities.known-vulnerabilities';
const SAME_ORIGIN = { 'Sec-Fetch-Site': 'same-origin' };

/** What the authenticating proxy in front of the dashboard adds to every request of this user. */
const signedInAs = (user: string, groups: string) => ({ 'X-Forwarded-User': user, 'X-Forwarded-Groups': groups, 'X-Auth-Proxy-Secret': AUTH_E2E.proxySecret });
const ROOT = signedInAs('root@example.com', 'sre');
const PAT = signedInAs('pat@example.com', 'payments-team');

const posture = async (page: Page): Promise<PostureDocument> => (await page.request.get(`${BASE}/api/posture`)).json();
const paymentsScore = (doc: PostureDocument) => doc.namespaces.find((n) => n.name === 'payments')!.score;
const sameFinding = (a: Finding) => (b: Finding) => b.checkId === a.checkId && b.resource.kind === a.resource.kind && b.resource.name === a.resource.name && b.resource.namespace === a.resource.namespace;

/** The payments namespace page's score, as the page shows it. */
async function scoreOnPage(page: Page): Promise<number> {
  await page.goto(`${BASE}/namespaces/payments`);
  return Number(await page.getByLabel(/^payments score:/).getAttribute('data-score'));
}

test.describe('exceptions', () => {
  test.describe.configure({ timeout: 180_000 });
  test.afterAll(async ({ playwright }) => {
    // Others share this dashboard: real time again, and no exception left behind.
    setClockOffset(PROXY_PORT, 0);
    const api = await playwright.request.newContext({ extraHTTPHeaders: ROOT });
    const { exceptions } = await (await api.get(`${BASE}/api/exceptions`)).json();
    for (const e of exceptions as { id: string }[]) await api.delete(`${BASE}/api/exceptions/${e.id}`, { headers: SAME_ORIGIN });
    await api.dispose();
  });

  test('added in the UI, the finding leaves the score; past its expiry day it comes back marked expired', async ({ browser }) => {
    setClockOffset(PROXY_PORT, 0);
    const page = await (await browser.newContext({ extraHTTPHeaders: ROOT })).newPage();
    const before = await posture(page);
    // The one open finding of this check in payments: accepting it lifts the namespace's score.
    const target = before.findings.find((f) => f.checkId === CHECK && f.resource.namespace === 'payments' && !f.accepted && !f.expected)!;
    expect(target).toBeDefined();
    const scoreBefore = paymentsScore(before)!;
    expect(await scoreOnPage(page)).toBe(scoreBefore);

    const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);
    await page.goto(`${BASE}/exceptions`);
    const form = page.getByRole('form', { name: 'New exception' });
    await form.getByLabel('Check id').fill(CHECK);
    await form.getByLabel('Namespace', { exact: true }).fill('payments');
    await form.getByLabel('Kind', { exact: true }).fill(target.resource.kind);
    await form.getByLabel('Name', { exact: true }).fill(target.resource.name);
    await form.getByLabel('Owner').fill('team-payments');
    await form.getByLabel(/^Expires/).fill(tomorrow);
    await form.getByLabel('Reason').fill('patched image rolls out this week');
    await form.getByRole('button', { name: 'Add exception' }).click();
    await expect(form.getByRole('status')).toHaveText(/Exception stored/);
    // The creator is the signed-in identity.
    const row = page.getByRole('table', { name: 'Stored exceptions' }).getByRole('row').filter({ hasText: CHECK });
    await expect(row).toContainText('root@example.com');
    await expect(row).toContainText(tomorrow);
    await expect(page.getByRole('table', { name: 'Audit trail' })).toContainText('root@example.com');

    // Out of the score, on the page and in the API; still listed, as accepted.
    const scoreAccepted = await scoreOnPage(page);
    expect(scoreAccepted).toBeGreaterThan(scoreBefore);
    const triaged = page.getByRole('table', { name: /Not counted in payments/ });
    await expect(triaged).toContainText(`accepted until ${tomorrow} by root@example.com`);
    const accepted = await posture(page);
    expect(paymentsScore(accepted)).toBe(scoreAccepted);
    expect(accepted.findings.find(sameFinding(target))!.accepted).toMatchObject({ by: 'root@example.com', owner: 'team-payments', expires: tomorrow, source: 'store' });

    // Three days on, with no rescan asked for: the finding is open again and says its exception expired.
    setClockOffset(PROXY_PORT, 3 * DAY);
    expect(await scoreOnPage(page)).toBe(scoreBefore);
    await expect(page.getByRole('table', { name: 'Findings in namespace payments' })).toContainText(`exception expired ${tomorrow}`);
    const expired = await posture(page);
    expect(paymentsScore(expired)).toBe(scoreBefore);
    const back = expired.findings.find(sameFinding(target))!;
    expect(back.accepted).toBeUndefined();
    expect(back.expiredException).toMatchObject({ expires: tomorrow, by: 'root@example.com' });
    await page.goto(`${BASE}/exceptions`);
    await expect(page.getByRole('table', { name: 'Stored exceptions' }).getByRole('row').filter({ hasText: CHECK })).toContainText('expired');
    // axe on the page with an exception, its expired mark and the audit trail in it (e2e/a11y.spec.ts checks the empty page).
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a namespace viewer can neither see nor change exceptions', async ({ browser }) => {
    const page = await (await browser.newContext({ extraHTTPHeaders: PAT })).newPage();
    expect((await posture(page)).namespaces.map((n) => n.name)).toEqual(['payments']);
    expect((await page.goto(`${BASE}/exceptions`))!.status()).toBe(404);
    expect((await page.request.get(`${BASE}/api/exceptions`)).status()).toBe(403);
    const body = {
      checkId: CHECK,
      scope: { type: 'namespace', namespace: 'payments' },
      reason: 'mine',
      owner: 'pat',
      expires: new Date(Date.now() + DAY).toISOString().slice(0, 10),
    };
    expect((await page.request.post(`${BASE}/api/exceptions`, { data: body, headers: SAME_ORIGIN })).status()).toBe(403);
    expect((await page.request.delete(`${BASE}/api/exceptions/00000000-0000-4000-8000-000000000000`, { headers: SAME_ORIGIN })).status()).toBe(403);
    const doc = await posture(page);
    expect(doc.findings.some((f) => f.accepted?.by === 'pat@example.com')).toBe(false);
  });
});
