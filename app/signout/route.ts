// POST /signout: ends the session (the cookie is cleared; it was only ever the identity).
import { refused } from '@/lib/server/api-responses';
import { authConfig } from '@/lib/server/auth/config';
import { sessionCookie } from '@/lib/server/auth/signin';
import { isSameOrigin } from '@/lib/server/same-origin';
import { NO_STORE } from '@/lib/server/api-responses';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return refused();
  const headers = new Headers({ Location: '/signin', ...NO_STORE });
  headers.append('Set-Cookie', sessionCookie(authConfig().session.cookie, '', 0, request.headers.get('x-forwarded-proto') === 'https'));
  return new Response(null, { status: 303, headers });
}
