// The security headers every response carries: next.config.js sets them on what Next.js serves,
// and the request boundary (preload.mjs, lib/server/boundary) on what it answers itself.
// Plain JavaScript: the preload runs before anything is compiled.

/** @type {Record<string, string>} */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** JSON answers run no script and may be framed by nobody; pages get a nonce CSP from proxy.ts. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
