// Accessibility: axe on every page, no violation of serious or critical impact.
import { expect, test, type Page } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';
import { seriousViolations } from './axe';

// The two sweeps (light, dark) are the suite's longest tests and only read: one each per worker.
test.describe.configure({ mode: 'parallel' });

async function pathsToCheck(page: Page): Promise<string[]> {
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  const worst = [...doc.namespaces].sort((a, b) => a.score - b.score)[0]!.name;
  // The first fix-first change's object page draws the path it cuts and shows its patch.
  const fixed = doc.attackPaths!.fixFirst[0]!.object;
  const object = `/objects/${encodeURIComponent(fixed.kind)}/${encodeURIComponent(fixed.namespace ?? '_')}/${encodeURIComponent(fixed.name)}`;
  return [
    '/',
    ...doc.areas.map((a) => `/areas/${a.id}`),
    '/namespaces',
    '/namespaces?group=owner',
    `/namespaces/${worst}`,
    '/findings',
    '/findings?severity=critical',
    '/findings?group=owner',
    '/exceptions',
    '/fleet',
    '/attack-paths',
    '/audit',
    object,
    '/objects/Deployment/legacy-crm/crm-worker',
    '/no-such-page',
  ];
}

async function violationsOnEveryPage(page: Page): Promise<Record<string, unknown>> {
  const found: Record<string, unknown> = {};
  for (const path of await pathsToCheck(page)) {
    await page.goto(path);
    if (path === '/') {
      const chart = page.getByRole('figure', { name: 'Findings by area and severity' });
      await chart.scrollIntoViewIfNeeded();
      await expect(chart.locator('svg').first()).toBeVisible();
    }
    // Open the first finding so its remediation is checked too.
    const first = page.locator('details summary').first();
    if (await first.count()) await first.click();
    const v = await seriousViolations(page);
    if (v.length) found[path] = v;
  }
  return found;
}

test('axe finds no serious or critical violation on any page', async ({ page }) => {
  test.setTimeout(300_000); // 17 pages, each scanned by axe
  expect(await violationsOnEveryPage(page)).toEqual({});
});

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('axe finds no serious or critical violation on any page', async ({ page }) => {
    test.setTimeout(300_000); // 17 pages, each scanned by axe
    await page.goto('/');
    // The theme follows the system setting: the page background is dark.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(11, 17, 32)');
    await page.screenshot({ path: 'test-results/overview-dark.png', fullPage: true });
    expect(await violationsOnEveryPage(page)).toEqual({});
  });
});

test('every page is usable from the keyboard: the first tab stops are the navigation', async ({ page }) => {
  await page.goto('/');
  const names: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? ''));
  }
  expect(names).toEqual(expect.arrayContaining(['Overview', 'Namespaces', 'Findings']));
  // A focused link shows a visible focus indicator.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none');
});
