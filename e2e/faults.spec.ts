// A cluster that stops answering: the dashboard keeps the last good result, says how old it
// is and why the latest scan failed, and recovers by itself once the API answers again.
import { expect, test } from '@playwright/test';
import { rescan, resetCluster, restoreCluster, setFaults } from './control';

// Other specs share this server: no fault may outlive this file.
test.afterAll(async ({ request }) => restoreCluster(request));

test('a hung API server: last good result with its age, then recovery without a reload', async ({ page, request }) => {
  test.setTimeout(120_000);
  expect((await rescan(request)).type).toBe('done');
  const good = await (await request.get('/api/posture')).json();

  await setFaults({ hang: true });
  const failed = await rescan(request); // each request gives up after POSTURE_REQUEST_TIMEOUT_MS (15 s by default)
  expect(failed.type).toBe('error');
  expect(failed.message).toMatch(/cannot reach https:\/\/127\.0\.0\.1:\d+: no complete answer to \/version within \d+ ms/);

  // The API still serves the last good document, marked stale.
  const stale = await request.get('/api/posture');
  expect(stale.status()).toBe(200);
  expect(decodeURIComponent(stale.headers()['x-posture-stale'] ?? '')).toBe(failed.message);
  expect((await stale.json()).generatedAt).toBe(good.generatedAt);

  await page.goto('/');
  const notice = page.getByRole('status').filter({ hasText: 'The latest scan failed' });
  await expect(notice).toContainText('showing the last good result');
  await expect(notice).toContainText('no complete answer to /version');
  await expect(notice.locator(`time[datetime="${good.generatedAt}"]`)).toHaveText(/scanned (just now|\d+ min ago)/);
  // The score shown is the last good one, not a failure rendered as a score.
  await expect(page.getByLabel(/^Cluster score: /).first()).toHaveAttribute('data-score', String(good.score));
  await page.screenshot({ path: 'test-results/faults-stale.png', fullPage: true });

  // The API answers again; a scan (the one the next stale request or a viewer starts) succeeds,
  // and the open page picks it up on its own 30 s refresh.
  await setFaults({});
  expect((await rescan(request)).type).toBe('done');
  await expect(notice).toHaveCount(0, { timeout: 45_000 });
  const fresh = await (await request.get('/api/posture')).json();
  expect(Date.parse(fresh.generatedAt)).toBeGreaterThan(Date.parse(good.generatedAt));
  await expect(page.locator(`time[datetime="${fresh.generatedAt}"]`).first()).toBeVisible();
});

test('500s on one kind past the retries: the kind is named as unreadable and its checks are not assessed', async ({ page, request }) => {
  test.setTimeout(90_000);
  await setFaults({ serverError: { resources: ['networkpolicies'] } });
  expect((await rescan(request)).type).toBe('done');
  const doc = await (await request.get('/api/posture')).json();
  const missing = doc.missingKinds.find((m: { resource: string }) => m.resource === 'networkpolicies');
  expect(missing).toMatchObject({ reason: 'error', detail: expect.stringMatching(/^listing networkpolicies failed: 500/) });
  const unassessed = doc.checks.filter((c: { assessed: boolean; reason?: string }) => !c.assessed && /networkpolicies/.test(c.reason ?? ''));
  expect(unassessed.length).toBeGreaterThan(0);
  await page.goto('/');
  await expect(page.getByRole('status').filter({ hasText: 'Some kinds could not be read' })).toContainText('networkpolicies');
  await setFaults({});
});
