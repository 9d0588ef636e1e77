// Who exists in the auth end-to-end tests (e2e/serve-auth.ts, e2e/auth.spec.ts).
import type { ReviewConfig } from './fake-cluster/reviews';

export const AUTH_E2E = {
  sessionSecret: 'e2e-session-secret-0123456789abcdef',
  proxySecret: 'e2e-proxy-secret-0123456789',
  metricsToken: 'e2e-metrics-token-0123456789',
  /** AUTH_SIGNIN_PER_MINUTE of the token-mode dashboard. */
  signinPerMinute: 8,
  tokens: { payments: 'pat-token-payments-only', admin: 'root-token-sre' },
  reviews: {
    users: {
      'pat-token-payments-only': { username: 'pat@example.com', groups: ['payments-team'] },
      'root-token-sre': { username: 'root@example.com', groups: ['sre'] },
    },
    rules: [
      { group: 'payments-team', namespace: 'payments', verb: 'list', resource: 'pods' },
      { group: 'payments-team', namespace: 'payments', verb: 'get', resource: 'pods' },
    ],
  } satisfies ReviewConfig,
};
