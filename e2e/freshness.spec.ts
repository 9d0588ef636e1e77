// Freshness and several clusters: a rescan shows progress and refreshes the page; each
// kubeconfig context has its own posture.
import { expect, test } from '@playwright/test';

test('rescan lists the kinds with progress and refreshes the scan time', async ({ page }) => {
  const before = (await (await page.request.get('/api/posture')).json()).generatedAt as string;
  await page.goto('/');
  await page.getByRole('button', { name: 'Rescan' }).click();
  await expect(page.getByRole('button', { name: 'Rescan' })).toBeEnabled({ timeout: 20_000 });
  await expect(page.getByText(/Rescan failed/)).toHaveCount(0);
  const after = (await (await page.request.get('/api/posture')).json()).generatedAt as string;
  expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  await expect(page.locator(`time[datetime="${after}"]`)).toBeVisible();
});

test('the scan stream reports every kind, then done', async ({ page }) => {
  const res = await page.request.post('/api/scan', { headers: { 'Sec-Fetch-Site': 'same-origin' } });
  const events = (await res.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(events.at(-1).type).toBe('done');
  const kinds = events.filter((e) => e.type === 'kind-done' || e.type === 'kind-missing');
  expect(kinds.length).toBe(kinds[0].total);
  expect(new Set(kinds.map((e) => e.resource)).size).toBe(kinds.length);
});

test('a cross-site rescan request is refused', async ({ page }) => {
  const res = await page.request.post('/api/scan', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  expect(res.status()).toBe(403);
});

test("picking another kubeconfig context shows that context's posture", async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-source="live"]')).toContainText('fake-cluster');
  await page.getByLabel('Context').selectOption('fake-cluster-b');
  await expect(page.locator('[data-source="live"]')).toContainText('fake-cluster-b');
  const doc = await (await page.request.get('/api/posture')).json();
  expect(doc.cluster.name).toBe('fake-cluster-b');
  // A context the kubeconfig does not list is refused.
  const bad = await page.request.post('/api/contexts', { data: { context: 'prod' }, headers: { 'Sec-Fetch-Site': 'same-origin' } });
  expect(bad.status()).toBe(400);
});

test('an open page follows a newer scan by itself, without a reload', async ({ page }) => {
  await page.goto('/namespaces');
  const before = await page.locator('header time').getAttribute('datetime');
  const res = await page.request.post('/api/scan', { headers: { 'Sec-Fetch-Site': 'same-origin' } });
  expect(res.ok()).toBe(true);
  const after = (await (await page.request.get('/api/posture/stamp')).json()).generatedAt as string;
  expect(after).not.toBe(before);
  // react-query refetches on its 30 s interval, or at once when the tab becomes visible again.
  await page.waitForTimeout(5_500); // past the stamp's staleTime
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange'))); // where react-query listens
  await expect(page.locator(`header time[datetime="${after}"]`)).toBeVisible({ timeout: 10_000 });
});
