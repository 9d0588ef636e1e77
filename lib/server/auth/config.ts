// Authentication settings, read once from the environment and validated: a typo in AUTH_MODE
// or a malformed CIDR must stop the server with a message, not silently open it.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseCidr, type Cidr } from './cidr';

export type AuthMode = 'none' | 'proxy' | 'token';

export interface AuthConfig {
  mode: AuthMode;
  /** AUTH_ALLOW_NONE_ON_NETWORK=1: the operator accepts an unauthenticated dashboard on a network address. */
  allowNoneOnNetwork: boolean;
  proxy: { userHeader: string; groupsHeader: string; trustedCidrs: Cidr[]; secret: string | null; secretHeader: string };
  /** recheckMs: how often a token session's TokenReview is asked again (AUTH_RECHECK) behind the longer ttlMs. */
  session: { secret: Buffer; ephemeral: boolean; ttlMs: number; recheckMs: number; cookie: string };
  /** Groups that see cluster-wide views whatever SubjectAccessReview says. */
  adminGroups: string[];
  namespaceAccess: { verb: string; resource: string };
  signinPerMinute: number;
  /** A bearer token Prometheus may send to /metrics instead of a viewer session. */
  metricsToken: string | null;
}

export class AuthConfigError extends Error {
  override name = 'AuthConfigError';
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const headerName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9-]+$/, 'must be an HTTP header name (letters, digits, dashes)');
const flag = z.enum(['', '0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const schema = z.object({
  AUTH_MODE: z.enum(['none', 'proxy', 'token'], { error: 'must be one of none, proxy, token' }).default('none'),
  AUTH_ALLOW_NONE_ON_NETWORK: flag.default(false),
  AUTH_PROXY_USER_HEADER: headerName.default('x-forwarded-user'),
  AUTH_PROXY_GROUPS_HEADER: headerName.default('x-forwarded-groups'),
  AUTH_PROXY_TRUSTED_CIDRS: z.string().default(''),
  AUTH_PROXY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  AUTH_PROXY_SECRET_HEADER: headerName.default('x-auth-proxy-secret'),
  AUTH_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  AUTH_SESSION_TTL: z
    .string()
    .regex(/^\d+[smhd]?$/, 'must be a duration like 8h, 30m, 3600 (seconds) or 1d')
    .default('8h'),
  AUTH_RECHECK: z
    .string()
    .regex(/^\d+[smhd]?$/, 'must be a duration like 5m, 300 (seconds) or 30s')
    .default('5m'),
  AUTH_ADMIN_GROUPS: z.string().default(''),
  AUTH_NAMESPACE_VERB: z.string().trim().min(1).default('list'),
  AUTH_NAMESPACE_RESOURCE: z.string().trim().min(1).default('pods'),
  AUTH_SIGNIN_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(5),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(v: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(v);
  if (!m) throw new AuthConfigError(`invalid duration ${v}`);
  return Number(m[1]) * UNIT_MS[m[2] || 's']!;
}

/** Reads and checks the settings; throws AuthConfigError naming every bad variable. */
export function authConfigFromEnv(env: Record<string, string | undefined> = process.env): AuthConfig {
  // Empty strings are "unset": deployment templates often render absent values as "".
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => (k.startsWith('AUTH_') || k === 'METRICS_TOKEN') && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new AuthConfigError(`invalid authentication settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const trustedCidrs: Cidr[] = [];
  for (const c of list(e.AUTH_PROXY_TRUSTED_CIDRS)) {
    const cidr = parseCidr(c);
    if (!cidr) throw new AuthConfigError(`invalid authentication settings:\n  AUTH_PROXY_TRUSTED_CIDRS: "${c}" is not an IPv4 or IPv6 CIDR (e.g. 10.0.0.0/8)`);
    trustedCidrs.push(cidr);
  }
  if (e.AUTH_MODE === 'proxy' && trustedCidrs.length === 0 && !e.AUTH_PROXY_SECRET) {
    throw new AuthConfigError(
      'AUTH_MODE=proxy needs AUTH_PROXY_TRUSTED_CIDRS (the proxy addresses) or AUTH_PROXY_SECRET (a header the proxy adds): ' +
        'otherwise anyone who can reach the dashboard could send X-Forwarded-User themselves',
    );
  }
  const ttlMs = parseDuration(e.AUTH_SESSION_TTL);
  if (ttlMs < 60_000) throw new AuthConfigError('invalid authentication settings:\n  AUTH_SESSION_TTL: must be at least 1 minute');
  const recheckMs = parseDuration(e.AUTH_RECHECK);
  if (recheckMs < 1000 || recheckMs > ttlMs)
    throw new AuthConfigError('invalid authentication settings:\n  AUTH_RECHECK: must be at least 1s and at most AUTH_SESSION_TTL');
  return {
    mode: e.AUTH_MODE,
    allowNoneOnNetwork: e.AUTH_ALLOW_NONE_ON_NETWORK,
    proxy: {
      userHeader: e.AUTH_PROXY_USER_HEADER,
      groupsHeader: e.AUTH_PROXY_GROUPS_HEADER,
      trustedCidrs,
      secret: e.AUTH_PROXY_SECRET ?? null,
      secretHeader: e.AUTH_PROXY_SECRET_HEADER,
    },
    session: {
      secret: e.AUTH_SESSION_SECRET ? Buffer.from(e.AUTH_SESSION_SECRET, 'utf8') : randomBytes(32),
      ephemeral: !e.AUTH_SESSION_SECRET,
      ttlMs,
      recheckMs,
      cookie: 'kp-session',
    },
    adminGroups: list(e.AUTH_ADMIN_GROUPS),
    namespaceAccess: { verb: e.AUTH_NAMESPACE_VERB, resource: e.AUTH_NAMESPACE_RESOURCE },
    signinPerMinute: e.AUTH_SIGNIN_PER_MINUTE,
    metricsToken: e.METRICS_TOKEN ?? null,
  };
}

// One configuration per process: the random session key must stay the same across requests.
const g = globalThis as typeof globalThis & { __kpAuthConfig?: AuthConfig };

export function authConfig(): AuthConfig {
  return (g.__kpAuthConfig ??= authConfigFromEnv());
}
