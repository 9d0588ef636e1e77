// The checks every request passes before Next.js sees it (preload.mjs calls this once
// instrumentation.ts has installed it): a decodable path, a Host this server answers to, and a
// body only from someone authenticated and only as large as the route takes. Refusals are final:
// the connection closes and an unread body is never read.
import type { TLSSocket } from 'node:tls';
import { authenticate } from '../auth/authenticate';
import type { AuthConfig } from '../auth/config';
import { PEER_HEADER } from '../auth/peer';
import { acceptsAnonymousBody, bodyLimit, declaredBody, limitStreamedBody } from './body';
import { hostAllowed, type HostPolicy } from './host';
import { HSTS, reachedOverTls } from './hsts';
import { cookieOf, headerSource } from './node-request';
import type { BoundaryHandler, BoundaryState } from './state';
import { cacheable, serveCacheable, stripRenderHeader } from '../response-cache/serve';

export function createBoundary(config: AuthConfig, hosts: HostPolicy, refuse: BoundaryState['refuse']): BoundaryHandler {
  return (req, res, forward) => {
    stripRenderHeader(req);
    if (reachedOverTls(Boolean((req.socket as TLSSocket).encrypted), req.headers['x-forwarded-proto'], req.headers[PEER_HEADER] as string | undefined, config.proxy.trustedCidrs))
      res.setHeader('Strict-Transport-Security', HSTS);
    const pathname = decodablePath(req.url);
    if (pathname === null) {
      refuse(res, 400, 'the path is not valid percent-encoded UTF-8');
      return true;
    }
    if (!hostAllowed(req.headers.host, hosts)) {
      refuse(res, 421, 'this server does not answer to that host name (ALLOWED_HOSTS lists the names it does)');
      return true;
    }
    const body = declaredBody(req.headers);
    if (!body.present) {
      if (!cacheable(req)) return false;
      serveCacheable(req, res, forward).catch((e: unknown) => {
        console.error('[response-cache]', e);
        if (!res.headersSent) refuse(res, 500, 'the request could not be answered');
      });
      return true;
    }
    if (!acceptsAnonymousBody(req.method, pathname, req.headers.authorization) && !authenticate(config, headerSource(req.headers), cookieOf(req.headers.cookie, config.session.cookie)).ok) {
      refuse(res, 401, 'a request with a body needs an authenticated viewer');
      return true;
    }
    const limit = bodyLimit(req.method, pathname);
    const tooLarge = `the body is larger than ${limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MiB` : `${limit / 1024} KiB`}`;
    if (body.length !== null && body.length > limit) {
      refuse(res, 413, tooLarge);
      return true;
    }
    if (body.length === null) limitStreamedBody(req, limit, () => refuse(res, 413, tooLarge));
    return false;
  };
}

/** The request's path, if it decodes (a malformed %-sequence would otherwise be a bare 500 deep in routing). */
function decodablePath(target: string | undefined): string | null {
  let pathname: string;
  try {
    pathname = new URL(target ?? '/', 'http://boundary.invalid').pathname;
    decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return pathname;
}

/** Puts the boundary in front of every request (preload.mjs delegates to it from now on). */
export function installRequestBoundary(state: BoundaryState, config: AuthConfig, hosts: HostPolicy): void {
  state.handle = createBoundary(config, hosts, state.refuse);
}
