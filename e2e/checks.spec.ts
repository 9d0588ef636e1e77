// The check catalogue: every check the dashboard runs, each with its own page, linked from the
// area pages' checks tables.
import { expect, test } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';
import { seriousViolations } from './axe';
import { PORTS } from './ports';

test('/checks lists every check of the document, each linked to its page', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  await page.goto('/checks');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checks');
  await expect(page.locator('tr[data-check]')).toHaveCount(doc.checks.length);
  for (const c of doc.checks) await expect(page.locator(`tr[data-check="${c.id}"] a[href="/checks/${c.id}"]`)).toHaveText(c.id);
});

test("a check's page shows its severity, needs, references and remediation", async ({ page }) => {
  await page.goto('/checks/authn-authz.apiserver-admission-plugins');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('admission plugins');
  await expect(page.locator('dd').filter({ hasText: 'CIS Kubernetes Benchmark 1.2.10' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Remediation' })).toBeVisible();
  const res = await page.goto('/checks/no.such-check');
  expect(res?.status()).toBe(404);
});

test("an area page's checks table opens a check's page", async ({ page }) => {
  await page.goto('/areas/rbac');
  await page.locator('[data-check="rbac.reads-secrets"]').getByRole('link', { name: 'rbac.reads-secrets' }).click();
  await expect(page).toHaveURL(/\/checks\/rbac\.reads-secrets$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Binding grants reading Secrets');
});

test('axe finds no serious or critical violation on the catalogue and a check page', async ({ page }) => {
  for (const path of ['/checks', '/checks/pod-security.pss.privileged']) {
    await page.goto(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }
});

test('with AUTH_MODE=token the catalogue sends a visitor without a session to /signin', async ({ page }) => {
  const token = `http://127.0.0.1:${PORTS.auth}`;
  for (const path of ['/checks', '/checks/rbac.reads-secrets']) {
    await page.goto(`${token}${path}`);
    await expect(page).toHaveURL(`${token}/signin?next=${encodeURIComponent(path)}`);
  }
});
