/** True when a state-changing request comes from this dashboard's own pages (no cross-site POSTs). */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = request.headers.get('origin');
  if (!origin) return true; // not a browser (curl, scripts): no ambient credentials to abuse
  return origin === new URL(request.url).origin || origin === `${request.headers.get('x-forwarded-proto') ?? 'http'}://${request.headers.get('host')}`;
}
