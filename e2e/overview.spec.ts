// What a user sees on `/` when the dashboard reads the demo cluster through the fake API server.
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { compareNamespacesWorstFirst } from '../lib/posture/namespace-list';
import { TOP_RISKS_SHOWN } from '../lib/posture/overview-data';
import { topRisks } from '../lib/posture/top-risks';
import type { PostureDocument } from '../lib/posture/types';

const COVERAGE_TEXT = { covered: 'Covered', partial: 'Partial', 'not-covered': 'Not covered' } as const;

const openFindings = (doc: PostureDocument) => doc.findings.filter((f) => !f.expected && !f.accepted);

async function posture(page: Page): Promise<PostureDocument> {
  const res = await page.request.get('/api/posture');
  expect(res.ok()).toBe(true);
  return res.json();
}

test('GET /api/posture returns the posture document of the live cluster', async ({ page }) => {
  const doc = await posture(page);
  expect(doc.schemaVersion).toBe(1);
  expect(doc.cluster).toMatchObject({ source: 'live', name: 'fake-cluster' });
  expect(doc.areas.map((a) => a.id)).toEqual([
    'pod-security',
    'authn-authz',
    'rbac',
    'encryption',
    'resource-limits',
    'image-vulnerabilities',
    'host-security',
    'registry-security',
    'runtime-security',
    'api-abuse',
    'management-tools',
  ]);
  expect(doc.findings.length).toBeGreaterThan(0);
});

test('the overview shows the cluster score, eleven area cards in two sections, coverage and a chart', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const doc = await posture(page);

  await page.goto('/');
  await expect(page).toHaveTitle('kube-posture');

  // The source says live and names the context; the score is the document's, shown as a number.
  await expect(page.locator('[data-source="live"]')).toContainText('fake-cluster');
  expect(doc.score).toBeGreaterThanOrEqual(0);
  expect(doc.score).toBeLessThanOrEqual(100);
  const score = page.getByLabel(/^Cluster score: \d+ out of 100/);
  await expect(score).toHaveAttribute('data-score', String(doc.score));
  await expect(score).toContainText(String(doc.score));

  const provides = page.getByRole('region', { name: 'What Kubernetes provides' });
  const leaves = page.getByRole('region', { name: 'What Kubernetes leaves to you' });
  for (const area of doc.areas) {
    const section = area.kind === 'native' ? provides : leaves;
    const card = section.locator(`[data-area="${area.id}"]`);
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(area.title);
    if (area.score === null) await expect(card).toContainText('Not assessed');
    else await expect(card.locator('[data-score]')).toHaveAttribute('data-score', String(area.score));
    const counts = card.getByLabel('Findings by severity');
    for (const [s, label] of [
      ['critical', 'Critical'],
      ['high', 'High'],
      ['medium', 'Medium'],
      ['low', 'Low'],
    ] as const) {
      await expect(counts).toContainText(`${area.counts[s]} ${label}`);
    }
    const { passed, failed, notAssessed } = area.checks;
    await expect(card.getByLabel('Checks')).toHaveText(`${passed} passed · ${failed} failed · ${notAssessed} not assessed`);
    if (area.coverage) {
      await expect(card.locator(`[data-coverage="${area.coverage.status}"]`)).toContainText(COVERAGE_TEXT[area.coverage.status]);
      for (const tool of area.coverage.tools) await expect(card).toContainText(tool.name);
      if (area.coverage.status !== 'covered' && area.coverage.suggestion) await expect(card).toContainText(area.coverage.suggestion);
    } else {
      await expect(card.locator('[data-coverage]')).toHaveCount(0);
    }
  }
  await expect(provides.locator('[data-area]')).toHaveCount(5);
  await expect(leaves.locator('[data-area]')).toHaveCount(6);

  // Coverage belongs to the six areas Kubernetes leaves to you, and only to them.
  for (const area of doc.areas) expect(area.coverage === null).toBe(area.kind === 'native');

  // The charts are in the page as drawn (SVG), with bars for the findings and the worst namespaces.
  const chart = page.getByRole('figure', { name: 'Findings by area and severity' });
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('svg .kp-bar').first()).toBeVisible();
  // Worst first as the table ranks them: score, then open weighted risk (lib/posture/namespace-list.ts).
  const worst = [...doc.namespaces].sort(compareNamespacesWorstFirst).slice(0, 12);
  const byNamespace = page.getByRole('figure', { name: /Score by namespace, worst \d+ first/ });
  await expect(byNamespace.locator('svg .kp-bar')).toHaveCount(worst.filter((n) => n.score > 0).length);
  await expect(byNamespace.locator('figcaption tbody th')).toHaveText(worst.map((n) => n.name));

  // Top risks: the first few of the fix-first changes, then of the most severe open findings, in order, each naming its object.
  const risks = page.getByRole('list', { name: 'Top risks' }).locator('li');
  const expected = topRisks(openFindings(doc), TOP_RISKS_SHOWN, doc.attackPaths?.fixFirst);
  expect(expected).toHaveLength(TOP_RISKS_SHOWN);
  await expect(risks).toHaveCount(expected.length);
  for (const [i, f] of expected.entries()) {
    const li = risks.nth(i);
    await expect(li).toContainText(f.severity === 'critical' ? 'Critical' : /High|Medium|Low|Info/);
    await expect(li.locator('p.font-mono')).toContainText(f.resource.name);
    if (f.resource.namespace) await expect(li.locator('p.font-mono')).toContainText(`${f.resource.namespace}/`);
    await expect(li).toContainText(f.message);
  }
  // Only the first shows its patch without a click.
  await expect(risks.first().getByLabel('Fix preview')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Top risks' }).getByLabel('Fix preview')).toHaveCount(1);

  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the overview reads at phone width, its area cards within 2,000 px of the top', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'What Kubernetes leaves to you' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Sixteen top risks with their patches put the first card 4,841 px down; five with one patch shown, 1,544 px.
  const firstCard = await page
    .locator('[data-area]')
    .first()
    .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(firstCard).toBeLessThanOrEqual(2_000);
  await page.screenshot({ path: 'test-results/overview-phone.png', fullPage: true });
});

test('a top risk’s patch opens from the keyboard, and the overview links to every fix-first change', async ({ page }) => {
  const doc = await posture(page);
  const fixes = doc.attackPaths!.fixFirst;
  const second = topRisks(openFindings(doc), TOP_RISKS_SHOWN, fixes)[1]!;
  const fix = fixes.find((f) => f.object.kind === second.resource.kind && f.object.name === second.resource.name)!;
  await page.goto('/');
  const risk = page.getByRole('list', { name: 'Top risks' }).locator('li').nth(1);
  const patch = risk.getByLabel('YAML to apply');
  await expect(patch).toBeHidden();
  await risk.locator('summary', { hasText: /^Patch for / }).focus();
  await page.keyboard.press('Enter');
  await expect(patch).toBeVisible();
  await expect(patch).toHaveText(fix.patch);
  await page.keyboard.press('Enter');
  await expect(patch).toBeHidden();

  // The full list: every fix-first change, those the overview shows among them.
  await page.getByRole('link', { name: `All ${fixes.length} fix-first changes` }).click();
  await expect(page).toHaveURL('/attack-paths#paths-fix-first');
  const all = page.getByRole('region', { name: 'Changes to make first' }).getByRole('listitem');
  await expect(all).toHaveCount(fixes.length);
  for (const [i, f] of fixes.entries())
    await expect(all.nth(i)).toContainText(`${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}: ${f.change}`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a top risk’s patch still opens', async ({ page }) => {
    await page.goto('/');
    const risk = page.getByRole('list', { name: 'Top risks' }).locator('li').nth(1);
    await expect(risk.getByLabel('YAML to apply')).toBeHidden();
    await risk.locator('summary', { hasText: /^Patch for / }).click();
    await expect(risk.getByLabel('YAML to apply')).toBeVisible();
  });
});

test('the overview refreshes itself from /api/posture/overview every 30 seconds', async ({ page }) => {
  await page.clock.install();
  const polled: string[] = [];
  page.on('request', (r) => ['/api/posture', '/api/posture/overview'].includes(new URL(r.url()).pathname) && polled.push(r.url()));
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'What Kubernetes provides' })).toBeVisible();
  await page.clock.runFor(5_000);
  expect(polled).toHaveLength(0); // the server-rendered posture is not fetched again at once
  const next = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/posture/overview');
  await page.clock.runFor(30_000);
  const res = await next;
  expect(res.status()).toBe(200);
  // The summary, not the document: counts and the top risks, never the findings list.
  const summary = await res.json();
  const doc = await (await page.request.get('/api/posture')).json();
  expect(summary).not.toHaveProperty('findings');
  expect(summary.findingTotal).toBe(doc.findings.filter((f: { expected?: unknown; accepted?: unknown }) => !f.expected && !f.accepted).length);
  expect(summary.topRisks.length).toBeLessThanOrEqual(TOP_RISKS_SHOWN);
});

test('an unknown address shows the not-found page, its scripts allowed by the CSP', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('404') && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto('/no/such/page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the overview' }).click();
  await expect(page.getByRole('region', { name: 'What Kubernetes provides' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('JSON endpoints carry a CSP that allows nothing', async ({ page }) => {
  const res = await page.request.get('/api/posture');
  expect(res.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['x-powered-by']).toBeUndefined();
});

test('a page rendered per request sends a nonce-based CSP and every script in its HTML carries that nonce', async ({ page }) => {
  const res = await page.request.get('/findings');
  const csp = res.headers()['content-security-policy'] ?? '';
  const nonce = /script-src 'self' 'nonce-([^']+)' 'strict-dynamic'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
});

test('the cached overview allows exactly its own inline scripts by hash, and none is blocked', async ({ page }) => {
  const res = await page.request.get('/');
  const csp = res.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('nonce');
  const scriptSrc = /script-src ([^;]*)/.exec(csp)![1]!.split(' ');
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const html = await res.text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\ssrc=/.test(attrs!));
  expect(inline.length).toBeGreaterThan(0);
  for (const [, , body] of inline) expect(scriptSrc).toContain(`'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
  const blocked: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()));
  await page.goto('/');
  // Hydrated: Next.js's own scripts ran under the hashes.
  await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page).toHaveURL(/\/findings$/);
  expect(blocked).toEqual([]);
});

test('pointing at a chart loads its interactive version, and only then, under the cached page CSP', async ({ page }) => {
  const scripts: string[] = [];
  const blocked: string[] = [];
  page.on('requestfinished', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  page.on('console', (m) => m.text().includes('Content Security Policy') && blocked.push(m.text()));
  await page.goto('/', { waitUntil: 'networkidle' });
  const chart = page.getByRole('figure', { name: 'Findings by area and severity' });
  const holder = chart.locator('[data-interactive]');
  await chart.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  // Drawn by the server, no chart library yet.
  await expect(holder).toHaveAttribute('data-interactive', 'svg');
  await expect(chart.locator('.recharts-wrapper')).toHaveCount(0);
  const before = scripts.length;

  await holder.hover();
  await expect(holder).toHaveAttribute('data-interactive', 'loaded');
  await expect(chart.locator('.recharts-wrapper')).toBeVisible();
  expect(scripts.length).toBeGreaterThan(before);
  // The other charts stay as drawn until they are pointed at.
  await expect(page.getByRole('figure', { name: /Score by namespace/ }).locator('[data-interactive]')).toHaveAttribute('data-interactive', 'svg');
  // A bar's tooltip names its area and counts.
  await chart.locator('.recharts-bar-rectangle path').first().hover();
  await expect(chart.locator('.recharts-tooltip-wrapper')).toContainText(/Critical|High|Medium|Low/);
  expect(blocked).toEqual([]);
});
