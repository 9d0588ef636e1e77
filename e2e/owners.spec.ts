// Owners on the pages and downloads: the demo's namespaces carry a `team` label (one of the
// default POSTURE_OWNER_KEYS), so findings and namespaces can be filtered and grouped by it.
import { expect as baseExpect, test } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';

// A form submit waits for the page it opens: slow on a loaded machine.
const expect = baseExpect.configure({ timeout: 30_000 });

test.describe.configure({ timeout: 120_000 });

const isOpen = (f: PostureDocument['findings'][number]) => !f.expected && !f.accepted;

test('findings: filter by owner and group by owner, and the downloads carry the owner', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  const crm = doc.findings.filter((f) => f.owner === 'team-crm' && isOpen(f));
  expect(crm.length).toBeGreaterThan(0);

  await page.goto('/findings');
  await page.getByLabel('Owner').selectOption('team-crm');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/owner=team-crm/);
  await expect(page.getByText(`${crm.length} of ${doc.findings.filter(isOpen).length} open findings`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Findings matching the filter' }).locator('tbody > tr')).toHaveCount(crm.length);

  // Grouped (the critical ones: one page of them), named owners alphabetically, the unowned last.
  await page.goto('/findings?severity=critical');
  await page.getByLabel('Group').selectOption('owner');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/group=owner/);
  const critical = doc.findings.filter((f) => isOpen(f) && f.severity === 'critical');
  expect(critical.length).toBeLessThanOrEqual(200);
  const groups = await page.locator('[data-owner-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-owner-group')));
  const named = [...new Set(critical.flatMap((f) => (f.owner ? [f.owner] : [])))].sort((a, b) => a.localeCompare(b));
  expect(groups).toEqual([...named, ...(critical.some((f) => !f.owner) ? ['(none)'] : [])]);
  // Each group holds its owner's findings, and only those.
  const crmCritical = critical.filter((f) => f.owner === 'team-crm').length;
  const crmGroup = page.getByRole('region', { name: 'Owner team-crm' });
  await expect(crmGroup.getByRole('heading')).toHaveText(`team-crm (${crmCritical})`);
  await expect(crmGroup.locator('tbody > tr')).toHaveCount(crmCritical);
  await expect(crmGroup.locator('tbody > tr').filter({ hasNotText: 'owner team-crm' })).toHaveCount(0);

  const csv = (await (await page.request.get('/api/findings?owner=team-crm&format=csv')).text()).trim().split('\r\n');
  expect(csv[0]).toContain(',owner,');
  expect(csv).toHaveLength(doc.findings.filter((f) => f.owner === 'team-crm').length + 1);
  expect(csv.slice(1).every((r) => r.includes(',team-crm,'))).toBe(true);
  const json = await (await page.request.get('/api/findings?owner=team-crm&format=json')).json();
  expect(json.findings.every((f: { owner?: string }) => f.owner === 'team-crm')).toBe(true);
});

test('namespaces: an owner column, filter by owner and group by owner', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  await page.goto('/namespaces');
  await expect(page.locator('tbody tr[data-namespace="payments"]')).toContainText('team-payments');
  await page.getByLabel('Owner').selectOption('team-shop');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/owner=team-shop/);
  const shop = doc.namespaces.filter((n) => n.owner === 'team-shop').map((n) => n.name);
  await expect(page.locator('tbody tr[data-namespace]')).toHaveCount(shop.length);

  await page.goto('/namespaces?group=owner');
  const groups = await page.locator('[data-owner-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-owner-group')));
  expect(groups.at(-1)).toBe('(none)');
  expect(groups).toContain('platform');
  await expect(page.getByRole('region', { name: 'Owner (none)' }).locator('tr[data-namespace="kube-system"]')).toHaveCount(1);
});
