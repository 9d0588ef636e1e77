// Issue 15: from the overview's first top risk (a fix-first change) to its object's page, which
// draws the path the change cuts and shows its patch, then to /attack-paths with that path
// selected. The demo cluster through the fake API server.
import { expect, test, type Page } from '@playwright/test';
import { pathId } from '../lib/posture/attack-paths-list';
import { objectHref } from '../lib/posture/object-view';
import type { PostureDocument } from '../lib/posture/types';

async function posture(page: Page): Promise<PostureDocument> {
  const res = await page.request.get('/api/posture');
  expect(res.ok()).toBe(true);
  return res.json();
}

const noOverflow = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

test('overview → the first fix-first change → its object page (path drawn, patch) → /attack-paths with that path selected', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const doc = await posture(page);
  const fix = doc.attackPaths!.fixFirst[0]!;
  expect(fix.path).toBeDefined();

  await page.goto('/');
  const first = page.getByRole('list', { name: 'Top risks' }).locator('li').first();
  await expect(first).toContainText(fix.object.name);
  await first.getByRole('link', { name: new RegExp(fix.object.name) }).click();
  await expect(page).toHaveURL(objectHref(fix.object));

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${fix.object.namespace ? `${fix.object.namespace}/` : ''}${fix.object.name}`);
  await expect(page.getByRole('region', { name: 'Fix first' })).toContainText('#1 of the changes to make first');
  await expect(page.getByLabel('Patch to apply').first()).toHaveText(fix.patch);
  // The path it cuts, drawn: one box per step, the steps in order, this object's own step ringed where it is one.
  const drawn = page.getByRole('region', { name: 'Attack paths through it' }).getByRole('figure').first();
  const steps = drawn.getByRole('list').locator(':scope > li');
  await expect(steps).toHaveCount(fix.path!.steps.length);
  for (const [i, s] of fix.path!.steps.entries()) await expect(steps.nth(i)).toContainText(s.name ?? s.text);
  await expect(page.getByRole('region', { name: 'Who can act on it' })).toBeVisible();
  await page.screenshot({ path: 'test-results/object-page.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noOverflow(page);
  await page.screenshot({ path: 'test-results/object-page-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Every named step of the drawn path links to that object's page.
  const named = fix.path!.steps.filter((s) => s.name !== undefined && s.kind !== 'Capability');
  for (const s of named)
    await expect(drawn.getByRole('link', { name: `${s.namespace ? `${s.namespace}/` : ''}${s.name}`, exact: true })).toHaveAttribute(
      'href',
      objectHref({ kind: s.kind, namespace: s.namespace, name: s.name! }),
    );

  await page
    .getByRole('link', { name: /^Among every path to/ })
    .first()
    .click();
  await expect(page).toHaveURL(`/attack-paths?path=${pathId(fix.path!)}`);
  const selected = page.getByRole('region', { name: 'Selected path' });
  await expect(selected.getByRole('list').locator(':scope > li')).toHaveCount(fix.path!.steps.length);
  await expect(page.getByRole('link', { name: fix.path!.text, exact: true })).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: 'test-results/attack-paths.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noOverflow(page);
  await page.screenshot({ path: 'test-results/attack-paths-phone.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('/attack-paths filters by foothold kind and namespace in the URL', async ({ page }) => {
  await page.goto('/attack-paths');
  await page.getByLabel('Foothold').selectOption('exposed');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL('/attack-paths?foothold=exposed');
  const listed = page.getByRole('region', { name: /^Paths by target/ }).getByRole('listitem');
  expect(await listed.count()).toBeGreaterThan(0);
  // An exposed foothold is reached from outside: an Ingress, a Service, or a workload on the host's network.
  for (const text of await listed.allInnerTexts())
    expect(text).toMatch(/^(Ingress|Service|Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|Job|CronJob|ReplicationController) /);
});

test('an object page for something the cluster does not have is a 404; a finding row links to its object', async ({ page }) => {
  const res = await page.goto('/objects/Deployment/legacy-crm/no-such-thing');
  expect(res?.status()).toBe(404);
  expect((await page.goto('/objects/Deployment/Not_A_Namespace/x'))?.status()).toBe(404);
  await page.goto('/findings?severity=critical');
  const row = page.getByRole('table').locator('tbody tr').first();
  const link = row.getByTitle('This object: its findings, attack paths and fixes');
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/objects\//);
  await link.click();
  await expect(page).toHaveURL(href!);
  await expect(page.getByRole('region', { name: 'Attack paths through it' })).toBeVisible();
});
