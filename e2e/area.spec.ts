// An area page: what Kubernetes does there, every check with its result, the findings.
import { expect, test } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';

test("each area page lists its checks with the document's results and its findings", async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  for (const area of doc.areas) {
    await page.goto(`/areas/${area.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(area.title);
    for (const c of doc.checks.filter((x) => x.area === area.id)) {
      const status = !c.assessed ? 'not-assessed' : c.findings > 0 ? 'failed' : 'passed';
      const row = page.locator(`[data-check="${c.id}"]`);
      await expect(row).toHaveAttribute('data-status', status);
      if (!c.assessed) await expect(row).toContainText(c.reason!);
    }
    const n = doc.findings.filter((f) => f.area === area.id).length;
    await expect(page.getByRole('heading', { name: `Findings (${n})` })).toBeVisible();
  }
});

test('an area card on the overview opens its page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Role-based access control' }).click();
  await expect(page).toHaveURL(/\/areas\/rbac$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Role-based access control');
});

test('an unknown area is a 404', async ({ page }) => {
  const res = await page.goto('/areas/nope');
  expect(res?.status()).toBe(404);
});

test('every area page reads at phone width: the checks table scrolls inside its box, the page does not', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  for (const area of doc.areas) {
    await page.goto(`/areas/${area.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(area.title);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, area.id).toBeLessThanOrEqual(0);
  }
});
