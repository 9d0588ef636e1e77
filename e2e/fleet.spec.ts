// /fleet end to end: an admin makes an ingest token, an agent pushes two clusters' reports (the
// live posture, as `scan --push` sends it), /fleet lists them with labels to filter by, and a
// cluster opens into the posture pages under /fleet/<cluster>, down to a namespace. axe clean.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';
import { rescanDone } from './control';

test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const PROD = `e2e-prod-${run}`;
const DEV = `e2e-dev-${run}`;

async function serious(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

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
  await expect(page.getByRole('heading', { name: 'Fleet' })).toBeVisible();
  await expect(page.getByRole('link', { name: PROD })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Checks failing in the most clusters' })).toBeVisible();
  expect(await serious(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/fleet.png', fullPage: true });

  await page.getByLabel('env').selectOption('dev');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/env=dev/);
  await expect(page.getByRole('link', { name: DEV })).toBeVisible();
  await expect(page.getByRole('link', { name: PROD })).toHaveCount(0);

  await page.goto('/fleet');
  await page.getByRole('link', { name: PROD }).click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}$`));
  await expect(page.getByTestId('snapshot-banner')).toContainText('Report received');
  expect(await serious(page)).toEqual([]);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Namespaces' }).click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}/namespaces`));
  const ns = [...doc.namespaces].sort((a, b) => a.score - b.score)[0]!.name;
  await page.locator(`a[href="/fleet/${PROD}/namespaces/${ns}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/fleet/${PROD}/namespaces/${ns}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ns);
  expect(await serious(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/fleet-namespace.png', fullPage: true });
});

test('fleet: an unknown cluster is a 404', async ({ page }) => {
  const res = await page.goto('/fleet/no-such-cluster');
  expect(res?.status()).toBe(404);
});
