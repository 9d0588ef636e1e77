// One posture view, three sources (issue 20), and the page problems of issue 14: every
// namespace lists the findings its counts count, live, in a snapshot and through a share link;
// badges add up; tables scroll with the page; the filter keeps empty fields out of the URL;
// snapshots are dated by when they were taken.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { PostureDocument, SeverityCounts } from '../lib/posture/types';

test.describe.configure({ mode: 'serial' });

const total = (c: SeverityCounts) => Object.values(c).reduce((a, b) => a + b, 0);
const taken: string[] = [];

async function takeSnapshot(request: APIRequestContext, label: string): Promise<string> {
  const res = await request.post('/api/snapshots', { data: { label } });
  expect(res.status()).toBe(201);
  const id = ((await res.json()) as { snapshot: { id: string } }).snapshot.id;
  taken.push(id);
  return id;
}

// Other specs count the snapshots they take: leave none behind.
test.afterAll(async ({ request }) => {
  for (const id of taken) await request.delete(`/api/snapshots/${id}`);
});

/** The badges' numbers in one list of severity counts. */
async function badgeSum(page: Page, list: ReturnType<Page['locator']>): Promise<number> {
  const titles = await list.locator('li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('title')!.split(' ')[0])));
  return titles.reduce((a, b) => a + b, 0);
}

test('every namespace lists exactly the findings its counts count: live, in a snapshot and through a share link', async ({ page }) => {
  test.setTimeout(240_000); // 45 pages; a minute when the machine is busy
  const live: PostureDocument = await (await page.request.get('/api/posture')).json();
  const id = await takeSnapshot(page.request, 'posture-views counts');
  const stored: PostureDocument = await (await page.request.get(`/api/snapshots/${id}`)).json();
  const share = await page.request.post(`/api/snapshots/${id}/shares`, { data: { expiresInHours: 1, redact: false } });
  expect(share.status()).toBe(201);
  const sharePath = ((await share.json()) as { path: string }).path;

  for (const [source, base, doc] of [
    ['live', '', live],
    ['snapshot', `/snapshots/${id}`, stored],
    ['shared', sharePath, stored],
  ] as const) {
    // A Namespace object's own findings count in its namespace: the demo has some.
    expect(
      doc.findings.some((f) => f.resource.kind === 'Namespace'),
      source,
    ).toBe(true);
    for (const ns of doc.namespaces) {
      const n = total(ns.counts);
      await page.goto(`${base}/namespaces/${encodeURIComponent(ns.name)}`);
      const where = `${source} ${ns.name}`;
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^What (is|was) wrong here \\(${n}\\)$`) }), where).toBeVisible();
      const rows = page.getByRole('table', { name: `Findings in namespace ${ns.name}` }).locator('tbody tr');
      await expect(rows, where).toHaveCount(n);
      // The by-area table adds up to the same total.
      let byArea = 0;
      for (const list of await page.getByRole('table', { name: 'By area' }).getByRole('list', { name: 'Findings by severity' }).all())
        byArea += await badgeSum(page, list);
      expect(byArea, where).toBe(n);
      if (source !== 'live') {
        await expect(page.getByTestId('snapshot-banner'), where).toBeVisible();
        // What a snapshot does not keep is said, not dropped.
        await expect(page.getByTestId('not-in-source').first(), where).toContainText('not in snapshots');
      }
    }
  }
  // A snapshot's workloads are those its findings name: all four of legacy-crm's have one.
  await page.goto(`/snapshots/${id}/namespaces/legacy-crm`);
  await expect(page.getByRole('table', { name: 'Workloads in legacy-crm' }).locator('tbody tr')).toHaveCount(
    stored.namespaces.find((n) => n.name === 'legacy-crm')!.objects.workloads,
  );
  // The shared tree is never indexed, and its links stay inside it.
  await page.goto(`${sharePath}/namespaces/default`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of hrefs) expect(href.startsWith(sharePath) || href.startsWith('#'), href).toBe(true);
});

test('the severity badges beside a total add up to it, info findings included', async ({ page }) => {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  expect(doc.findings.some((f) => f.severity === 'info')).toBe(true); // else this proves nothing
  await page.goto('/');
  const summary = page.getByRole('region', { name: 'Cluster summary' });
  // Open findings: by-design and accepted ones are counted apart.
  expect(await badgeSum(page, summary.getByRole('list', { name: 'Findings by severity' }))).toBe(doc.findings.filter((f) => !f.expected && !f.accepted).length);
  await expect(summary.getByRole('listitem').filter({ hasText: 'Info' })).toBeVisible();
});

test('the findings filter puts only the fields that are set in the URL', async ({ page }) => {
  await page.goto('/findings');
  await page.getByLabel('Severity').selectOption('high');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/severity=high/);
  const params = [...new URL(page.url()).searchParams];
  expect(params.filter(([, v]) => v === '')).toEqual([]);
  expect(params.map(([k]) => k)).not.toContain('area');
  await expect(page.getByRole('table', { name: 'Findings matching the filter' }).locator('tbody tr').first()).toContainText('High');
});

test('long tables scroll with the page, not in a box, and their header stays in view', async ({ page }) => {
  await page.goto('/areas/pod-security');
  const table = page.getByRole('table', { name: /^Findings in / });
  const box = table.locator('xpath=..');
  // Not a scroll container: the whole list is in the page, none of it cut off inside a box.
  expect(await box.evaluate((el) => getComputedStyle(el).overflowY)).not.toMatch(/auto|scroll/);
  const { tableHeight, boxHeight } = await box.evaluate((el) => ({ tableHeight: el.querySelector('table')!.scrollHeight, boxHeight: el.clientHeight }));
  expect(boxHeight).toBeGreaterThanOrEqual(tableHeight);
  expect(tableHeight).toBeGreaterThan(900); // longer than the window: the page scrolls
  // Scrolled halfway down the table, its header sits at the top of the window.
  await page.evaluate(async (y) => window.scrollTo(0, y), (await table.boundingBox())!.y + tableHeight / 2);
  const head = await table.locator('thead').boundingBox();
  expect(Math.abs(head!.y)).toBeLessThan(2);
});

test('on a namespace page, each area’s badges stay on one line', async ({ page }) => {
  await page.goto('/namespaces/legacy-crm');
  const lists = await page.getByRole('table', { name: 'By area' }).getByRole('list', { name: 'Findings by severity' }).all();
  expect(lists.length).toBeGreaterThan(5);
  for (const list of lists) {
    const tops = await list.locator('li').evaluateAll((lis) => lis.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(new Set(tops).size, await list.innerText()).toBe(1);
  }
});

test('snapshots are dated by when they were taken, to the second; compare keeps the main navigation', async ({ page }) => {
  const first = await takeSnapshot(page.request, 'posture-views first');
  await page.waitForTimeout(1_100);
  const second = await takeSnapshot(page.request, 'posture-views second');
  await page.goto('/snapshots');
  const when = async (label: string) =>
    (await page.getByTestId('snapshot-row').filter({ hasText: label }).locator('td').first().locator('time').first().textContent())!.trim();
  const [a, b] = [await when('posture-views first'), await when('posture-views second')];
  expect(a).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  expect(a).not.toBe(b);
  // Both hold the same scan: the banner says when the snapshot was taken, and the scan's time beside it when that differs.
  await page.goto(`/snapshots/${second}`);
  await expect(page.getByTestId('snapshot-banner')).toContainText(`Snapshot taken ${b}`);

  await page.goto(`/snapshots/compare?from=${first}&to=${second}`);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Overview', 'Namespaces', 'Findings', 'Snapshots']) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
});

test('an exported snapshot with findings edited out is refused on import, and the form says why', async ({ page }) => {
  const id = await takeSnapshot(page.request, 'posture-views export');
  const doc: PostureDocument = await (await page.request.get(`/api/snapshots/${id}`)).json();
  const critical = doc.findings.findIndex((f) => f.severity === 'critical');
  const edited = { ...doc, findings: doc.findings.filter((_, i) => i !== critical) }; // counts and scores left as they were
  const count = async () => ((await (await page.request.get('/api/snapshots')).json()) as { snapshots: unknown[] }).snapshots.length;
  const n = await count();

  const res = await page.request.post('/api/snapshots/import', { data: JSON.stringify(edited), headers: { 'Content-Type': 'application/json' } });
  expect(res.status()).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/^figures do not follow from the findings at \$\.checks\[\d+\]/);

  await page.goto('/snapshots');
  await page.getByLabel('Snapshot JSON file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('form', { name: 'Import a snapshot' }).getByRole('alert')).toContainText('refuses such a document rather than recompute it');
  expect(await count()).toBe(n);
});
