// `next` values that a naive "starts with one slash" check lets through, or that resolve off-site
// once a URL parser strips tabs and newlines and reads backslashes as slashes. Shared by
// lib/server/auth/gate.test.ts and e2e/request-boundary.spec.ts (the real sign-in redirect).
export const OFF_SITE_NEXT = [
  '/\t/evil.example/',
  '/\n/evil.example/',
  '/\r\n/evil.example/',
  '\t//evil.example/',
  ' //evil.example/',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '\\/evil.example',
  '/\\/evil.example',
  '/.//evil.example',
  '/%2F%2Fevil.example',
  '/%5C%5Cevil.example',
  'https://evil.example/',
  'https:evil.example',
  'HTTPS://evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//user@evil.example',
  'http://same-origin.invalid@evil.example/',
];
