// POST /signout: ends the session for good: its id is recorded as revoked until it would have
// expired (lib/server/auth/revocation.ts), so a copy of the cookie is refused too, on every
// replica; and the browser's cookie is cleared.
import { cookies } from 'next/headers';
import { refused } from '@/lib/server/api-responses';
import { authConfig } from '@/lib/server/auth/config';
import { serverRevocations } from '@/lib/server/auth/identify';
import { verifySession } from '@/lib/server/auth/session';
import { sessionCookie } from '@/lib/server/auth/signin';
import { isSameOrigin } from '@/lib/server/same-origin';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return refused();
  const { session } = authConfig();
  // Public on purpose: signing out needs no valid identity, only the cookie it ends.
  const current = verifySession((await cookies()).get(session.cookie)?.value, session.secret);
  if (current.ok) await serverRevocations().revoke(current.session.sid, current.session.exp);
  const headers = new Headers({ Location: '/signin', 'Cache-Control': 'no-store' });
  headers.append('Set-Cookie', sessionCookie(session.cookie, '', 0, request.headers.get('x-forwarded-proto') === 'https'));
  return new Response(null, { status: 303, headers });
}
