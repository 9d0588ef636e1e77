// A Node.js request's headers and cookies as authenticate() and identify() read them, for code
// that runs before Next.js (the request boundary, the response cache).
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { HeaderSource } from '../auth/authenticate';
import type { RequestLike } from '../auth/identify';

export function headerSource(headers: IncomingHttpHeaders): HeaderSource {
  return {
    get(name) {
      const v = headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0 || part.slice(0, i).trim() !== name) continue;
    const value = part.slice(i + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

export function requestLike(req: IncomingMessage): RequestLike {
  return { headers: headerSource(req.headers), cookie: (name) => cookieOf(req.headers.cookie, name) };
}
