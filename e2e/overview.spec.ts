// What a user sees on `/` when the dashboard reads the demo cluster through the fake API server.
import { expect, test, type Page } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';

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
  ]);
  expect(doc.findings.length).toBeGreaterThan(0);
});

test('the overview shows the cluster score, nine area cards in two sections, coverage and a chart', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  const doc = await posture(page);

  await page.goto('/');
  await expect(page).toHaveTitle('kube-posture');

  // The source says live and names the context; the score is the document's, shown as a number.
  await expect(page.locator('[data-source="live"]')).toContainText('fake-cluster');
  await expect(page.getByLabel(/^Cluster score: \d+ out of 100/)).toHaveAttribute('data-score', String(doc.score));

  const provides = page.getByRole('region', { name: 'What Kubernetes provides' });
  const leaves = page.getByRole('region', { name: 'What Kubernetes leaves to you' });
  for (const area of doc.areas) {
    const section = area.kind === 'native' ? provides : leaves;
    const card = section.locator(`[data-area="${area.id}"]`);
    await expect(card.getByRole('heading', { level: 3 })).toHaveText(area.title);
    if (area.score === null) await expect(card).toContainText('Not assessed');
    else await expect(card.locator('[data-score]')).toHaveAttribute('data-score', String(area.score));
    await expect(card.getByLabel('Findings by severity')).toContainText(`${area.counts.critical} Critical`);
    if (area.coverage) {
      await expect(card.locator(`[data-coverage="${area.coverage.status}"]`)).toBeVisible();
      for (const tool of area.coverage.tools) await expect(card).toContainText(tool.name);
    } else {
      await expect(card.locator('[data-coverage]')).toHaveCount(0);
    }
  }
  await expect(provides.locator('[data-area]')).toHaveCount(5);
  await expect(leaves.locator('[data-area]')).toHaveCount(4);

  // The demo runs Trivy Operator and nothing for runtime: the page must say so.
  await expect(leaves.locator('[data-area="image-vulnerabilities"]')).toContainText('Trivy Operator');
  await expect(leaves.locator('[data-area="runtime-security"] [data-coverage="not-covered"]')).toBeVisible();

  // The chart draws bars for the findings.
  const chart = page.getByRole('figure', { name: 'Findings by area and severity' });
  await expect(chart.locator('svg .recharts-bar-rectangle').first()).toBeVisible();

  // Top risks start with a critical finding naming its object.
  const risks = page.getByRole('list', { name: 'Top risks' });
  await expect(risks.locator('li').first()).toContainText('Critical');

  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the overview reads at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'What Kubernetes leaves to you' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/overview-phone.png', fullPage: true });
});

test('the page sends a nonce-based CSP and loads no script without the nonce', async ({ page }) => {
  const res = await page.goto('/');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(await page.locator('script:not([nonce])[src]').count()).toBe(0);
});
