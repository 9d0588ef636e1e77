// Kinds the dashboard may not read: the page says which, and which checks that left unassessed.
import { expect, test } from '@playwright/test';
import type { PostureDocument } from '../lib/posture/types';
import { rescanDone, restoreCluster, setFaults } from './control';

const FORBIDDEN = ['networkpolicies', 'rolebindings'];

test.afterAll(async ({ request }) => restoreCluster(request));

test('forbidden kinds are named on the overview, and their checks are not assessed, never passed', async ({ page }) => {
  await setFaults({ forbidden: FORBIDDEN });
  await rescanDone(page.request);
  const doc: PostureDocument = await (await page.request.get('/api/posture')).json();
  expect(doc.missingKinds.filter((m) => m.reason === 'forbidden').map((m) => m.resource).sort()).toEqual([...FORBIDDEN].sort());
  const unassessed = doc.checks.filter((c) => !c.assessed);
  // Every check that reads a forbidden kind is among them, with the kind in its reason.
  const rbacChecks = doc.checks.filter((c) => c.area === 'rbac');
  expect(rbacChecks.length).toBeGreaterThan(0);
  for (const c of rbacChecks) expect(c.assessed, c.id).toBe(false);
  expect(doc.areas.find((a) => a.id === 'rbac')!.score).toBeNull();
  expect(unassessed.some((c) => /rolebindings/.test(c.reason ?? ''))).toBe(true);
  // No finding comes from an unassessed check.
  const ids = new Set(unassessed.map((c) => c.id));
  expect(doc.findings.filter((f) => ids.has(f.checkId))).toEqual([]);

  await page.goto('/');
  const panel = page.getByRole('status').filter({ hasText: 'Some kinds could not be read' });
  for (const kind of FORBIDDEN) await expect(panel).toContainText(kind);
  // The RBAC area has no score rather than a perfect one.
  await page.goto('/areas/rbac');
  for (const c of rbacChecks) await expect(page.locator(`[data-check="${c.id}"]`)).toHaveAttribute('data-status', 'not-assessed');
  await page.screenshot({ path: 'test-results/forbidden-rbac.png', fullPage: true });
});
