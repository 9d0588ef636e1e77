// POST /api/auth/signin (form: token, next): AUTH_MODE=token sign-in, to the cluster the request
// is about (the context cookie). See lib/server/auth/signin.ts.
import { jsonError, refused } from '@/lib/server/api-responses';
import { authConfig } from '@/lib/server/auth/config';
import { clientAddress } from '@/lib/server/auth/client-address';
import { reviewerFor, serverRevocations } from '@/lib/server/auth/identify';
import { createRateLimiter, type RateLimiter } from '@/lib/server/auth/rate-limit';
import { verifySession } from '@/lib/server/auth/session';
import { signIn } from '@/lib/server/auth/signin';
import { requestCluster } from '@/lib/server/request-source';
import { declaredTooLarge, formContentTypeRefusal, SMALL_BODY_BYTES } from '@/lib/server/route-input';
import { isSameOrigin } from '@/lib/server/same-origin';
import { readBodyLimited } from '@/lib/snapshots/api-input';
import { cookies } from 'next/headers';

export const dynamic = 'force-dynamic';

const g = globalThis as typeof globalThis & { __kpSigninLimiter?: RateLimiter };

export async function POST(request: Request) {
  const config = authConfig();
  if (config.mode !== 'token') return jsonError(404, 'sign-in is used only with AUTH_MODE=token');
  if (!isSameOrigin(request)) return refused();
  const bad = formContentTypeRefusal(request) ?? declaredTooLarge(request, SMALL_BODY_BYTES);
  if (bad) return bad;
  // A token is a few KiB at most: read that much, then parse the form from it.
  const text = await readBodyLimited(request.body, SMALL_BODY_BYTES);
  if (text === null) return jsonError(413, `the body is larger than ${SMALL_BODY_BYTES / 1024} KiB`);
  const form = await new Response(text, { headers: { 'Content-Type': request.headers.get('content-type')! } }).formData().catch(() => null);
  const field = (k: string) => {
    const v = form?.get(k);
    return typeof v === 'string' ? v : '';
  };
  const h = request.headers;
  const cluster = await requestCluster();
  // A session still open (not expired, not signed out) gains this cluster; anything else starts afresh.
  const current = verifySession((await cookies()).get(config.session.cookie)?.value, config.session.secret);
  const existing = current.ok && !(await serverRevocations().isRevoked(current.session.sid)) ? current.session : null;
  const result = await signIn(
    {
      token: field('token'),
      next: field('next') || null,
      client: clientAddress(h, config.proxy.trustedCidrs),
      https: h.get('x-forwarded-proto') === 'https' || new URL(request.url).protocol === 'https:',
      host: h.get('host') ?? '',
      cluster: cluster.key,
      existing,
    },
    { config, reviewer: reviewerFor(cluster.spec), limiter: (g.__kpSigninLimiter ??= createRateLimiter(config.signinPerMinute)) },
  );
  if (result.status === 429) {
    return new Response('Too many sign-in attempts; try again later.\n', {
      status: 429,
      headers: { 'Retry-After': String(result.retryAfterSeconds), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const headers = new Headers({ Location: result.location, 'Cache-Control': 'no-store' });
  if (result.setCookie) headers.append('Set-Cookie', result.setCookie);
  return new Response(null, { status: 303, headers });
}
