// The findings view: the filter lives in the URL, numbers link to it, downloads match it.
import { expect, test } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';

test('a severity count on an area card opens exactly the findings behind it', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  const area = doc.areas.find((a) => a.counts.critical > 0)!;
  await page.goto('/');
  await page
    .locator(`[data-area="${area.id}"]`)
    .getByRole('link', { name: `${area.counts.critical} Critical` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/findings\\?area=${area.id}&severity=critical$`));
  // Counts are of open findings (not by design, not accepted), and so is the list they open.
  const open = doc.findings.filter((f) => !f.expected && !f.accepted).length;
  await expect(page.getByText(`${area.counts.critical} of ${open} open findings`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Findings matching the filter' }).locator('tbody tr')).toHaveCount(area.counts.critical);
});

test('the filter form writes the URL, and the downloads carry the same view', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  const ns = 'legacy-crm';
  const expected = doc.findings.filter(
    (f) => f.area === 'pod-security' && (f.resource.namespace === ns || (f.resource.kind === 'Namespace' && f.resource.name === ns)),
  );
  await page.goto('/findings');
  await page.getByLabel('Area').selectOption('pod-security');
  await page.getByLabel('Namespace').selectOption(ns);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/area=pod-security/);
  await expect(page).toHaveURL(/namespace=legacy-crm/);
  // The page counts open findings (by-design and accepted ones are listed apart); the downloads carry every match with its status.
  const open = (list: PostureDocument['findings']) => list.filter((f) => !f.expected && !f.accepted);
  await expect(page.getByText(`${open(expected).length} of ${open(doc.findings).length} open findings`)).toBeVisible();

  const csv = await (await page.request.get(`/api/findings?area=pod-security&namespace=${ns}&format=csv`)).text();
  expect(csv.trim().split('\r\n')).toHaveLength(expected.length + 1);
  const json = await (await page.request.get(`/api/findings?area=pod-security&namespace=${ns}&format=json`)).json();
  // The same findings; the download ranks those on attack paths first, like the page.
  const key = (f: PostureDocument['findings'][number]) => `${f.checkId}|${f.resource.kind}|${f.resource.namespace}|${f.resource.name}|${f.message}`;
  expect((json.findings as PostureDocument['findings']).map(key).sort()).toEqual(expected.map(key).sort());
});
