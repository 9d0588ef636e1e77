// How pages are served (issue 17): the overview and the posture API answered from the response
// cache with ETags (304 to a repeat), charts in the page as drawn (no scrolling, no script),
// and only the main navigation prefetched.
import { expect, test } from '@playwright/test';

for (const path of ['/', '/api/posture', '/api/posture/overview']) {
  test(`${path} answers a repeat with 304 and the same body otherwise`, async ({ request }) => {
    const first = await request.get(path);
    expect(first.status()).toBe(200);
    const etag = first.headers()['etag'];
    expect(etag).toBeTruthy();
    expect(first.headers()['cache-control']).toBe('private, no-cache');
    const repeat = await request.get(path, { headers: { 'if-none-match': etag! } });
    expect(repeat.status()).toBe(304);
    expect(await repeat.body()).toHaveLength(0);
    const again = await request.get(path);
    expect(again.headers()['etag']).toBe(etag);
    expect((await again.body()).equals(await first.body())).toBe(true);
  });
}

test('the overview is sent compressed, and the compressed body is what was cached', async ({ request }) => {
  const plain = await (await request.get('/', { headers: { 'accept-encoding': 'identity' } })).text();
  const br = await request.get('/', { headers: { 'accept-encoding': 'br' } });
  expect(br.headers()['content-encoding']).toBe('br');
  expect(await br.text()).toBe(plain); // Playwright decodes it
});

test('the overview polls its data with the ETag it has, and an unchanged posture is a 304', async ({ page }) => {
  // Chromium hands a revalidated answer to the page as the cached 200; the wire shows the 304 (no body).
  const seen: { etag?: string; ifNoneMatch?: string; wireBody: number }[] = [];
  page.on('requestfinished', async (req) => {
    if (!req.url().endsWith('/api/posture/overview')) return;
    const [sent, sizes, res] = await Promise.all([req.allHeaders(), req.sizes(), req.response()]);
    seen.push({ ifNoneMatch: sent['if-none-match'], etag: res?.headers()['etag'], wireBody: sizes.responseBodySize });
  });
  await page.goto('/');
  // As components/Overview.tsx polls it (cache: 'no-cache').
  for (let i = 0; i < 2; i++) await page.evaluate(() => fetch('/api/posture/overview', { cache: 'no-cache' }).then((r) => r.status));
  await expect.poll(() => seen.length).toBe(2);
  console.log(`overview polls: ${JSON.stringify(seen)}`);
  expect(seen[0]!.wireBody).toBeGreaterThan(0);
  expect(seen[1]!.ifNoneMatch).toBe(seen[0]!.etag);
  expect(seen[1]!.wireBody).toBe(0);
});

test('the overview HTML itself carries the charts, drawn', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const figure = /<figure aria-label="Findings by area and severity"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
  expect(figure).toContain('<svg');
  expect(figure.match(/class="kp-bar"/g)?.length ?? 0).toBeGreaterThan(0);
});

test('a full-page capture and a print of / show the charts without scrolling', async ({ page }, info) => {
  await page.goto('/');
  const bars = page.getByRole('figure', { name: 'Findings by area and severity' }).locator('svg .kp-bar');
  expect(await bars.count()).toBeGreaterThan(0);
  const box = await bars.first().boundingBox();
  expect(box!.width).toBeGreaterThan(0);
  expect(box!.y).toBeGreaterThan(900); // below the first screen: drawn although never scrolled to
  const shot = info.outputPath('overview-full-page.png');
  await page.screenshot({ path: shot, fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await expect(bars.first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  console.log(`full-page capture: ${shot}`);
});

// Links in tables and lists are not prefetched; the main navigation is.
// The main navigation (components/AppHeader.tsx): what a user is likely to open next.
const MAIN = new Set(['/', '/namespaces', '/findings', '/attack-paths', '/snapshots', '/exceptions', '/fleet']);
for (const path of ['/', '/findings', '/namespaces', '/namespaces/legacy-crm']) {
  test(`${path} prefetches only the main navigation`, async ({ page }) => {
    const prefetched = new Set<string>();
    page.on('request', (r) => r.headers()['next-router-prefetch'] && prefetched.add(new URL(r.url()).pathname));
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.mouse.wheel(0, 5000);
    await page.waitForTimeout(1000);
    console.log(`prefetched from ${path}: ${[...prefetched].join(' ')}`);
    for (const p of prefetched) expect(MAIN.has(p), p).toBe(true);
  });
}
