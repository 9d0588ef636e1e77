// How the overview reads when the cluster cannot be scanned: the dashboard is pointed (by
// e2e/serve-unreachable.ts) at an API server that is not there.
import { expect, test } from '@playwright/test';
import { PORTS } from './ports';

const GONE = `http://127.0.0.1:${PORTS.gone}`;

test('GET /api/posture answers 503 with the reason as JSON', async ({ request }) => {
  const res = await request.get(`${GONE}/api/posture`);
  expect(res.status()).toBe(503);
  expect(res.headers()['content-type']).toContain('application/json');
  expect(res.headers()['cache-control']).toBe('no-store');
  const body = (await res.json()) as { error: string };
  expect(body.error).toMatch(/127\.0\.0\.1/);
});

test('the overview shows an error panel with the reason, not a blank page', async ({ page, request }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const { error } = (await (await request.get(`${GONE}/api/posture`)).json()) as { error: string };

  await page.goto(`${GONE}/`);
  await expect(page).toHaveTitle('kube-posture');
  const alert = page.getByRole('alert', { name: 'The cluster could not be scanned' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(error);
  await expect(page.getByRole('button', { name: 'Rescan' })).toBeVisible();
  await page.screenshot({ path: 'test-results/overview-error.png' });
  expect(errors).toEqual([]);
});
