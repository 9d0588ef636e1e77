// XSS and other hostile text from cluster objects: markup in names, labels, annotations,
// images and subjects is shown as text. Nothing from the payloads runs: no dialog, no
// injected element, no global set.
import { expect, test, type Page } from '@playwright/test';
import { demoObjects, rescanDone, restoreCluster, setObjects } from './control';
import { HOSTILE_NS, hostileObjects, INJECTED_ID, PAYLOADS, RTL_NAME } from './hostile-objects';

test.afterAll(async ({ request }) => restoreCluster(request));

test('hostile objects render as text on every page; no payload runs', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await setObjects([...(await demoObjects()), ...hostileObjects()]);
  await rescanDone(page.request);
  const doc = await (await page.request.get('/api/posture')).json();
  expect(doc.namespaces.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['hostile', HOSTILE_NS]));

  const pages = [
    '/',
    '/findings',
    '/namespaces',
    `/namespaces/${encodeURIComponent('hostile')}`,
    `/namespaces/${encodeURIComponent(HOSTILE_NS)}`,
    '/areas/rbac',
    '/areas/pod-security',
  ];
  for (const url of pages) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(await page.locator(`#${INJECTED_ID}, img[src="x"], svg[onload]`).count(), url).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __kpInjected?: unknown }).__kpInjected), url).toBeUndefined();
    // No link a payload made into javascript:.
    expect(await page.locator('a[href^="javascript:"]').count(), url).toBe(0);
  }

  // The markup is there as text, where a person can read it.
  await page.goto(`/namespaces/${encodeURIComponent('hostile')}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('hostile');
  await page.goto(`/namespaces/${encodeURIComponent(HOSTILE_NS)}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HOSTILE_NS);
  await page.screenshot({ path: 'test-results/hostile-namespace.png', fullPage: false });
  // A subject named with markup is listed as text in the findings, where a person reads it.
  const doc2 = await (await page.request.get('/api/posture')).json();
  expect(JSON.stringify(doc2.findings)).toContain(JSON.stringify(PAYLOADS[0]).slice(1, -1));
  await page.goto(`/findings?q=${encodeURIComponent(PAYLOADS[0])}`);
  await expect(page.getByText(PAYLOADS[0], { exact: false }).first()).toBeVisible();
  expect(await page.locator(`#${INJECTED_ID}`).count()).toBe(0);

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
