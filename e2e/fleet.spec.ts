// /fleet end to end: an admin makes an ingest token, an agent pushes two clusters' reports (the
// live posture, as `scan --push` sends it), /fleet lists them with labels to filter by, and a
// cluster opens into the posture pages under /fleet/<cluster>, down to a namespace. axe clean.
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';
import { seriousViolations } from './axe';
import { rescanDone } from './control';

test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const PROD = `e2e-prod-${run}`;
const DEV = `e2e-dev-${run}`;

async function push(request: APIRequestContext, cluster: string, labels: Record<string, string>, doc: PostureDocument) {
  const made = await request.post('/api/fleet/tokens', { data: { cluster, labels } });
  expect(made.status()).toBe(201);
  const { token } = (await made.json()) as { token: string };
  const sent = await request.post('/api/fleet/ingest', { data: doc, headers: { Authorization: `Bearer ${token}` } });
  expect(sent.status(), await sent.text()).toBe(201);
}

test('fleet: /fleet lists the pushed clusters; a cluster opens into its pages, down to a namespace', async ({ page }) => {
  test.setTimeout(180_000);
  await rescanDone(page.request);
  const doc = (await (await page.request.get('/api/posture')).json()) as PostureDocument;
  await push(page.request, PROD, { env: 'prod', region: 'eu' }, doc);
  await push(page.request, DEV, { env: 'dev', region: 'eu' }, { ...doc, generatedAt: new Date(Date.parse(doc.generatedAt) + 1000).toISOString() });

  await page.goto('/fleet');
  await expect(page.getByRole('heading', { name: 'Fleet', exact: true })).toBeVisible();
  await expect(page.getByRole('table').getByRole('link', { name: PROD })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Checks failing in the most clusters' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/fleet.png', fullPage: true });

  // Fix first across the fleet: both clusters carry the same changes; each links to the path it cuts there.
  const first = doc.attackPaths!.fixFirst[0]!;
  const fixes = page.getByTestId('fleet-fix-first');
  await expect(fixes.getByRole('heading', { name: 'Changes that cut the most attack paths across the fleet' })).toBeVisible();
  const entry = fixes
    .locator('ol > li')
    .filter({ hasText: `${first.object.kind} ${first.object.namespace ? `${first.object.namespace}/` : ''}${first.object.name}` })
    .first();
  await expect(entry).toContainText(first.change);
  await expect(entry.getByRole('link', { name: DEV })).toBeVisible();
  await entry.getByRole('link', { name: PROD }).click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}/attack-paths\\?path=[0-9a-z]+$`));
  await expect(page.getByRole('heading', { name: 'Attack paths', level: 1 })).toBeVisible();
  await expect(page.getByTestId('snapshot-banner')).toContainText('Report received');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/fleet-attack-paths.png', fullPage: true });
  // …and the object's page in that cluster, from the changes listed there.
  await page.locator(`a[href^="/fleet/${PROD}/objects/${first.object.kind}/"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}/objects/${first.object.kind}/`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first.object.name);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/fleet');
  await page.getByLabel('env').selectOption('dev');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/env=dev/);
  await expect(page.getByRole('table').getByRole('link', { name: DEV })).toBeVisible();
  await expect(page.getByRole('link', { name: PROD })).toHaveCount(0);

  await page.goto('/fleet');
  await page.getByRole('table').getByRole('link', { name: PROD }).click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}$`));
  await expect(page.getByTestId('snapshot-banner')).toContainText('Report received');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Namespaces' }).click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}/namespaces`));
  const ns = [...doc.namespaces].sort((a, b) => a.score - b.score)[0]!.name;
  await page.locator(`a[href="/fleet/${PROD}/namespaces/${ns}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}/namespaces/${ns}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ns);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/fleet-namespace.png', fullPage: true });
});

test('fleet: an unknown cluster is a 404', async ({ page }) => {
  const res = await page.goto('/fleet/no-such-cluster');
  expect(res?.status()).toBe(404);
});
