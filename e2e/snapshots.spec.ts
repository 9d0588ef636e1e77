// Snapshots end to end: take one, change the cluster, take another and compare; share a
// snapshot by link (fresh browser, only that snapshot; revoked = one clear 404 page); export
// the HTML file and open it from disk with the network off.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { K8sObject } from '../lib/cluster/types';
import { seriousViolations } from './axe';
import { demoObjects, rescanDone, restoreCluster, setObjects } from './control';

test.describe.configure({ mode: 'serial' });

const PLANTED = 'e2e-privileged-shell';

async function takeSnapshot(page: Page, label: string): Promise<string> {
  await page.goto('/snapshots');
  await page.getByLabel('Label (optional)').first().fill(label);
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Snapshot stored' })).toBeVisible();
  const { snapshots } = (await (await page.request.get('/api/snapshots')).json()) as { snapshots: { id: string; label: string | null }[] };
  return snapshots.find((s) => s.label === label)!.id;
}

let before = '';
let after = '';

test.afterAll(async ({ request }) => restoreCluster(request));

test('a snapshot before and after a change: compare shows the new and the fixed findings', async ({ page }) => {
  await rescanDone(page.request);
  before = await takeSnapshot(page, 'before cleanup');

  // Remove the forgotten debug pod in default (and its scanner report); someone starts a privileged shell in payments.
  const objects = (await demoObjects()).filter((o) => !(o.metadata?.namespace === 'default' && o.metadata?.name?.includes('netshoot-debug-alice')));
  const planted: K8sObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: PLANTED, namespace: 'payments', uid: 'e2e-planted-1' },
    spec: { containers: [{ name: 'sh', image: 'busybox:1.36', securityContext: { privileged: true } }] },
  } as K8sObject;
  await setObjects([...objects, planted]);
  await rescanDone(page.request);
  after = await takeSnapshot(page, 'after cleanup');
  await expect(page.getByTestId('snapshot-row')).toHaveCount(2);

  // The picker on the list page: from the older to the newer.
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`/snapshots/compare\\?from=${before}&to=${after}`));
  await expect(page.getByTestId('new-findings')).toContainText(`payments/${PLANTED}`);
  await expect(page.getByTestId('fixed-findings')).toContainText('default/netshoot-debug-alice');
  await expect(page.getByTestId('new-findings')).not.toContainText('netshoot-debug-alice');
  expect(Number(await page.getByTestId('count-unchanged').textContent())).toBeGreaterThan(10);
  await expect(page.getByRole('table', { name: 'Score by namespace' }).getByRole('row', { name: /payments/ })).toBeVisible();

  // With two snapshots of this cluster, the live overview draws the score over time.
  await page.goto('/');
  const trend = page.getByRole('figure', { name: 'Cluster score over time (snapshots)' });
  await trend.scrollIntoViewIfNeeded();
  await expect(trend.locator('.kp-line')).toHaveCount(1);
  await expect(trend.getByRole('row')).toHaveCount(3); // header + two snapshots, for screen readers

  // The snapshot view: the same overview, dated, read-only, with no rescan.
  await page.goto(`/snapshots/${before}`);
  await expect(page.getByTestId('snapshot-banner')).toContainText('read-only');
  await expect(page.getByTestId('snapshot-banner')).toContainText('before cleanup');
  await expect(page.getByRole('button', { name: /rescan/i })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'What Kubernetes provides' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page).toHaveURL(new RegExp(`/snapshots/${before}/findings`));
  await expect(page.getByRole('table')).toContainText('netshoot-debug-alice');

  // Its namespace table: filtered within the snapshot, rows open the snapshot's namespace page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Namespaces' }).click();
  await expect(page).toHaveURL(new RegExp(`/snapshots/${before}/namespaces$`));
  await page.getByLabel('Name contains').fill('pay');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`/snapshots/${before}/namespaces\\?.*q=pay`));
  await expect(page.locator('tr[data-namespace]')).toHaveCount(1);
  await page.getByRole('link', { name: 'payments', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/snapshots/${before}/namespaces/payments$`));
  // The planted pod came after this snapshot: the snapshot's namespace does not show it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('payments');
  await expect(page.locator('main, body').first()).not.toContainText(PLANTED);
});

test('a share link shows only that snapshot to a fresh browser, and stops when revoked', async ({ page, browser }) => {
  await page.goto('/snapshots');
  const row = page.getByTestId('snapshot-row').filter({ hasText: 'before cleanup' });
  await row.getByText('Share').click();
  await row.getByRole('button', { name: 'Create link' }).click();
  const link = await row.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const stranger = await browser.newContext();
  const view = await stranger.newPage();
  const res = await view.goto(link);
  expect(res?.status()).toBe(200);
  await expect(view.getByTestId('snapshot-banner')).toContainText('read-only');
  await expect(view.getByRole('heading', { name: 'What Kubernetes provides' })).toBeVisible();
  // Nothing leads to live data: every link stays under the share path (or is an in-page anchor).
  const hrefs = await view.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const base = new URL(link).pathname;
  for (const href of hrefs) expect(href.startsWith(base) || href.startsWith('#'), href).toBe(true);
  await expect(view.getByRole('button', { name: /rescan/i })).toHaveCount(0);
  await expect(view.getByText('All snapshots')).toHaveCount(0);
  // The area and findings pages of the snapshot open under the share path too.
  await view.getByRole('link', { name: 'Pod security' }).first().click();
  await expect(view).toHaveURL(new RegExp(`${base}/areas/pod-security$`));
  await expect(view.getByTestId('snapshot-banner')).toBeVisible();
  await view.getByRole('link', { name: 'default', exact: true }).first().click();
  await expect(view).toHaveURL(new RegExp(`${base}/namespaces/default$`));
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('default');

  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row.getByText('revoked')).toBeVisible();
  const gone = await view.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(view.getByTestId('share-unavailable')).toContainText('does not work');
  // An unknown token gets the very same page.
  const unknown = await view.goto(new URL('/share/' + 'A'.repeat(43), link).toString());
  expect(unknown?.status()).toBe(404);
  await expect(view.getByTestId('share-unavailable')).toContainText('does not work');
  await stranger.close();
});

test('the exported HTML opens from disk with the network off', async ({ page, browser }) => {
  await page.goto('/snapshots');
  const row = page.getByTestId('snapshot-row').filter({ hasText: 'after cleanup' });
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'HTML' }).click()]);
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-export-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(file).toMatch(/\.html$/);

  const offline = await browser.newContext({ offline: true });
  const view = await offline.newPage();
  const requests: string[] = [];
  view.on('request', (r) => requests.push(r.url()));
  await view.goto('file://' + file);
  await expect(view.getByRole('heading', { level: 1 })).toContainText('Security posture of');
  await expect(view.getByTestId('cluster-score')).toHaveText(/^\d+$/);
  await expect(view.getByRole('region', { name: 'Findings' })).toContainText(PLANTED);
  expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  await offline.close();
});

test('an import with a wrong schemaVersion is refused with a clear error and stores nothing', async ({ page }) => {
  const count = async () => ((await (await page.request.get('/api/snapshots')).json()) as { snapshots: unknown[] }).snapshots.length;
  const n = await count();
  const res = await page.request.post('/api/snapshots/import', {
    data: JSON.stringify({ schemaVersion: 99 }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toContain('unsupported schemaVersion 99');
  const bad = await page.request.post('/api/snapshots/import', { data: '{"__proto__": {}}', headers: { 'Content-Type': 'application/json' } });
  expect(bad.status()).toBe(400);
  expect(await count()).toBe(n);
  // State-changing requests from another site are refused before anything else.
  for (const [method, url] of [
    ['POST', '/api/snapshots'],
    ['POST', '/api/snapshots/import'],
    ['DELETE', `/api/snapshots/${before}`],
    ['POST', `/api/snapshots/${before}/shares`],
  ] as const) {
    const r = await page.request.fetch(url, { method, data: '{}', headers: { 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'application/json' } });
    expect(r.status(), `${method} ${url}`).toBe(403);
  }
  expect(await count()).toBe(n);
  // A good document (one of our own downloads) goes in.
  const doc = await (await page.request.get(`/api/snapshots/${before}`)).text();
  const ok = await page.request.post('/api/snapshots/import?label=round%20trip', { data: doc, headers: { 'Content-Type': 'application/json' } });
  expect(ok.status()).toBe(201);
  expect(await count()).toBe(n + 1);
});

test('the snapshot pages have no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(90_000);
  const found: Record<string, unknown> = {};
  for (const path of [
    '/snapshots',
    `/snapshots/compare?from=${before}&to=${after}`,
    `/snapshots/${before}`,
    `/snapshots/${before}/findings`,
    `/snapshots/${before}/namespaces`,
    `/snapshots/${before}/namespaces/legacy-crm`,
    `/snapshots/${before}/areas/rbac`,
    '/share/' + 'A'.repeat(43),
  ]) {
    await page.goto(path);
    const v = await seriousViolations(page);
    if (v.length) found[path] = v;
  }
  expect(found).toEqual({});
});
