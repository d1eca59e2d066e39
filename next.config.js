/** Headers every response carries; the page CSP (with its nonce) is set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Separate build folders let several checkouts' worth of work build side by side (ZENITH_DIST_DIR).
  distDir: process.env.ZENITH_DIST_DIR || '.next',
  // The build checks the dashboard only; \`npm run typecheck\` checks everything, the embedded cloud included.
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  reactStrictMode: true,
  // The embedded cloud is a program of its own; the dashboard never bundles it.
  outputFileTracingExcludes: { '*': ['emulator/**', '.data/**'] },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
