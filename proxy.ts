// A fresh nonce per request so only the scripts Next.js itself emits can run: anything a
// cluster object smuggles into a page stays inert text. A page the response cache keeps
// (lib/server/response-cache) is rendered under this nonce once, then served with its scripts
// allowed by hash instead (page-csp.ts; why: SECURITY.md).
// It is also the authentication gate (lib/server/auth/gate.ts); pages and routes check again.
import { NextResponse, type NextRequest } from 'next/server';
import { NO_STORE } from './lib/server/api-responses';
import { authConfig } from './lib/server/auth/config';
import { gate } from './lib/server/auth/gate';

export function proxy(request: NextRequest) {
  const auth = authConfig();
  const decision = gate(auth, request.nextUrl.pathname, request.nextUrl.search, request.headers, request.cookies.get(auth.session.cookie)?.value);
  if (!decision.pass) {
    if (decision.status === 303) return NextResponse.redirect(new URL(decision.location, request.nextUrl), 303);
    return NextResponse.json(decision.json, { status: 401, headers: NO_STORE });
  }
  // API routes keep next.config.js's CSP, which allows nothing; the nonce is for pages.
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes (charts); they cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // API routes too: the gate covers them (they skip the nonce and keep next.config.js's CSP).
  // Prefetches too: a request header is the client's choice, never a reason to skip the gate.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
