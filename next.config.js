// @ts-check
// Security headers for every response. Pages get their Content-Security-Policy, with a
// per-request nonce, from proxy.ts; JSON endpoints get a CSP that allows nothing at all.
// The request boundary (lib/server/boundary) answers with the same headers.
import { API_CSP, SECURITY_HEADERS } from './lib/server/boundary/security-headers.mjs';

/** MAX_IMPORT_BYTES (lib/snapshots/validate.ts), 20 MiB, and one byte: a larger import reaches its route as too large, not cut short. */
const IMPORT_BODY_CAP = 20 * 1024 * 1024 + 1;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel builds (several developers, one checkout) stay apart.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The container image (Dockerfile) runs the self-contained server this produces; off by
  // default so `next start` (npm run demo) stays the plain way to run a checkout.
  ...(process.env.NEXT_OUTPUT_STANDALONE === '1' && {
    output: 'standalone',
    // The demo cluster is read from files at run time, which tracing cannot see.
    outputFileTracingIncludes: { '/**': ['./lib/demo/manifests/**', './lib/demo/audit/**'] },
  }),
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole tree (tests included) before building;
  // a second type check inside `next build` would only repeat it.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@kubernetes/client-node', '@electric-sql/pglite'],
  // Next.js buffers each body for proxy.ts up to this size and silently cuts the rest (default
  // 10 MB): a valid 15 MiB export failed as "not valid JSON". The request boundary has already
  // refused bodies from anyone unauthenticated and any over their route's limit (20 MiB: import).
  experimental: { proxyClientMaxBodySize: IMPORT_BODY_CAP },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: API_CSP }],
      },
    ];
  },
};

export default nextConfig;
