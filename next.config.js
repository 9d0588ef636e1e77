// @ts-check
// Security headers for every response. Pages get their Content-Security-Policy, with a
// per-request nonce, from proxy.ts; JSON endpoints get a CSP that allows nothing at all.

/** @type {import('next').NextConfig} */
const nextConfig = {
  // NEXT_DIST_DIR lets parallel builds (several developers, one checkout) stay apart.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // The container image (Dockerfile) runs the self-contained server this produces; off by
  // default so `next start` (npm run demo) stays the plain way to run a checkout.
  ...(process.env.NEXT_OUTPUT_STANDALONE === '1' && {
    output: 'standalone',
    // The demo cluster is read from files at run time, which tracing cannot see.
    outputFileTracingIncludes: { '/**': ['./lib/demo/manifests/**'] },
  }),
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole tree (tests included) before building;
  // a second type check inside `next build` would only repeat it.
  typescript: { ignoreBuildErrors: true },
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ['@kubernetes/client-node', '@electric-sql/pglite'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
