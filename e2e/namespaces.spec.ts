// Namespaces: a table worst first, and a drill-down per namespace.
import { expect, test } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';

test('the namespace table lists every namespace worst first, and filters by name', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  await page.goto('/namespaces');
  const rows = page.locator('tbody tr[data-namespace]');
  await expect(rows).toHaveCount(doc.namespaces.length);
  const scores = await rows.locator('[data-score]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))));
  expect(scores).toEqual([...scores].sort((a, b) => a - b));

  await page.getByLabel('Name contains').fill('kube-');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=kube-/);
  await expect(rows).toHaveCount(doc.namespaces.filter((n) => n.name.includes('kube-')).length);
});

test('a namespace opens to what is wrong in it', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  const worst = [...doc.namespaces].sort((a, b) => a.score - b.score)[0]!;
  await page.goto('/namespaces');
  await page.getByRole('link', { name: worst.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(worst.name);
  const total = Object.values(worst.counts).reduce((a, b) => a + b, 0);
  await expect(page.getByRole('heading', { name: `What is wrong here (${total})` })).toBeVisible();
  await expect(page.getByRole('table', { name: `Findings in namespace ${worst.name}` }).locator('tbody tr')).toHaveCount(total);
  await expect(page.getByRole('table', { name: `Workloads in ${worst.name}` }).locator('tbody tr')).toHaveCount(worst.objects.workloads);

  // A workload's counts open exactly its findings.
  const row = page
    .locator('tr[data-workload]')
    .filter({ has: page.getByRole('link') })
    .first();
  const key = (await row.getAttribute('data-workload'))!;
  await row.getByRole('link').first().click();
  await expect(page).toHaveURL((url) => url.searchParams.get('object') === key);
  const expected = (await (await page.request.get(`/api/findings${new URL(page.url()).search}`)).json()).findings;
  expect(expected.length).toBeGreaterThan(0);
  // Open findings are counted; by-design and accepted ones are listed apart.
  const open = (list: { expected?: unknown; accepted?: unknown }[]) => list.filter((f) => !f.expected && !f.accepted).length;
  await expect(page.getByText(`${open(expected)} of ${open(doc.findings)} open findings`)).toBeVisible();
});

test('each namespace row says in words whether a default deny and a quota are in place', async ({ page }) => {
  await page.goto('/namespaces');
  const header = (await page.locator('thead th').allTextContents()).map((h) => h.trim());
  expect(header).toEqual(expect.arrayContaining(['Default deny', 'Quota']));
  const cell = async (ns: string, column: string) => (await page.locator(`tr[data-namespace="${ns}"] td`).nth(header.indexOf(column)).textContent())?.trim();
  expect(await cell('payments', 'Default deny')).toBe('ingress + egress');
  expect(await cell('payments', 'Quota')).toBe('yes · LimitRange yes');
  expect(await cell('monitoring', 'Default deny')).toBe('none');
  expect(await cell('legacy-crm', 'Quota')).toBe('no · LimitRange no');
});

test('namespace pages read at phone width, long subject names wrapping instead of widening the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // kube-system's bindings name subjects such as system:bootstrappers:kubeadm:default-node-token.
  for (const name of ['legacy-crm', 'payments', 'kube-system']) {
    await page.goto(`/namespaces/${name}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, name).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: 'test-results/namespace-kube-system-phone.png', fullPage: true });
});
