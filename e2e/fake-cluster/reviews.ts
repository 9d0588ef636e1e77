// TokenReview and SubjectAccessReview for tests: a table of tokens and a list of RBAC-like
// rules stand in for the API server's authenticators and authorizers.
import { badRequest, methodNotAllowed } from './status';

export interface FakeUser {
  username: string;
  groups: string[];
}

/** Allows `verb` on `resource` to a user or group, in one namespace or ('*') all of them. */
export interface AccessRule {
  user?: string;
  group?: string;
  namespace: string;
  verb: string;
  resource: string;
}

export interface ReviewConfig {
  /** token -> identity */
  users: Record<string, FakeUser>;
  rules: AccessRule[];
}

export const REVIEW_PATHS = {
  token: '/apis/authentication.k8s.io/v1/tokenreviews',
  access: '/apis/authorization.k8s.io/v1/subjectaccessreviews',
} as const;

export function isReviewPath(path: string): boolean {
  return path === REVIEW_PATHS.token || path === REVIEW_PATHS.access;
}

export function review(method: string, path: string, body: string, config: ReviewConfig): object {
  if (method !== 'POST') throw methodNotAllowed(`${method} is not supported on ${path}; reviews are created with POST`);
  let input: { spec?: Record<string, unknown> };
  try {
    input = JSON.parse(body) as typeof input;
  } catch {
    throw badRequest('request body is not JSON');
  }
  const spec = input.spec ?? {};
  if (path === REVIEW_PATHS.token) {
    const user = typeof spec.token === 'string' ? config.users[spec.token] : undefined;
    // Like kube-apiserver, the answer never echoes the token.
    return { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: {}, status: user ? { authenticated: true, user } : { authenticated: false } };
  }
  const attrs = (spec.resourceAttributes ?? {}) as { namespace?: string; verb?: string; resource?: string };
  const user = typeof spec.user === 'string' ? spec.user : '';
  const groups = Array.isArray(spec.groups) ? (spec.groups as unknown[]).filter((g): g is string => typeof g === 'string') : [];
  const allowed = config.rules.some(
    (r) =>
      (r.user === undefined || r.user === user) &&
      (r.group === undefined || groups.includes(r.group)) &&
      (r.user !== undefined || r.group !== undefined) &&
      (r.namespace === '*' || r.namespace === attrs.namespace) &&
      (r.verb === '*' || r.verb === attrs.verb) &&
      (r.resource === '*' || r.resource === attrs.resource),
  );
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SubjectAccessReview',
    spec,
    status: { allowed, ...(allowed ? { reason: 'allowed by a fake-cluster rule' } : {}) },
  };
}
