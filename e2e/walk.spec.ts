// A reviewer's walk without help: overview -> area -> namespace -> one finding and its fix.
import { expect, test } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';

test('overview -> area -> namespace -> finding, by clicking only', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  await page.goto('/');
  await page.getByRole('link', { name: 'Pod security & network policies' }).first().click();
  await expect(page).toHaveURL(/\/areas\/pod-security$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pod security & network policies');

  // A finding of this area in a namespace: its namespace link opens the drill-down.
  const finding = doc.findings.find((f) => f.area === 'pod-security' && f.resource.namespace && f.resource.kind !== 'Namespace')!;
  const ns = finding.resource.namespace!;
  const table = page.getByRole('table', { name: /Findings/ });
  await table.getByRole('link', { name: ns, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/${ns}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ns);

  // Opening the finding shows its message and a remediation.
  const row = page.getByRole('table', { name: `Findings in namespace ${ns}` }).locator('tr', { hasText: finding.message }).first();
  await row.locator('summary').click();
  await expect(row.getByText(finding.remediation.split('\n')[0]!.slice(0, 40), { exact: false })).toBeVisible();

  // The object's name opens its page: every finding on that object, and nothing else.
  await row.getByRole('link', { name: finding.resource.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/objects/${finding.resource.kind}/${ns}/${encodeURIComponent(finding.resource.name)}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(finding.resource.name);
  const onObject = doc.findings.filter(
    (f) => f.resource.kind === finding.resource.kind && f.resource.name === finding.resource.name && f.resource.namespace === ns,
  );
  const qualified = `${finding.resource.kind} ${ns}/${finding.resource.name}`;
  const tables = page.getByRole('table', { name: new RegExp(`^(Findings on|Not counted on) ${qualified.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  await expect(tables.locator('tbody tr')).toHaveCount(onObject.length);
  await expect(tables.first().getByText(finding.message.slice(0, 40), { exact: false }).first()).toBeVisible();
});
