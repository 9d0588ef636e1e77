// The JavaScript a browser downloads to show each page, compressed, from the network log.
import { expect, test } from '@playwright/test';

// The target is 250 kB per page. The overview is over it: recharts (~110 kB compressed with
// its redux and immer) loads after first paint. Its budget guards against growth until the
// chart is made lighter; lower it to 250 kB then.
const BUDGETS: Record<string, number> = { '/': 290_000, '/areas/rbac': 250_000, '/namespaces': 250_000, '/namespaces/legacy-crm': 250_000, '/findings': 250_000 };

for (const [path, BUDGET] of Object.entries(BUDGETS)) {
  test(`${path} downloads at most ${BUDGET / 1000} kB of compressed JavaScript`, async ({ page }) => {
    const scripts: Promise<number>[] = [];
    page.on('requestfinished', (req) => {
      if (req.resourceType() === 'script') scripts.push(req.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    const sizes = await Promise.all(scripts);
    const total = sizes.reduce((a, b) => a + b, 0);
    test.info().annotations.push({ type: 'js-bytes', description: `${path}: ${sizes.length} scripts, ${total} bytes compressed` });
    console.log(`js-size ${path}: ${sizes.length} scripts, ${total} bytes compressed`);
    expect(sizes.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });
}
