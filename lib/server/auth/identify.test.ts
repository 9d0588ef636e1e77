// identify() with its dependencies in hand: the per-cluster proof, revocation and re-check in one place.
import { describe, expect, it, vi } from 'vitest';
import type { Reviewer } from '../../cluster/reviews';
import type { ClusterRef } from '../request-source';
import { createAccessChecker } from './access';
import { authConfigFromEnv } from './config';
import { createRecheckCache, identify, type IdentifyDeps } from './identify';
import { createRevocations } from './revocation';
import { createSession } from './session';

const config = authConfigFromEnv({ AUTH_MODE: 'token', AUTH_SESSION_SECRET: 'i'.repeat(32), AUTH_RECHECK: '1m', AUTH_ADMIN_GROUPS: 'sre' });
const cluster = (name: string): ClusterRef => ({ key: `live::${name}`, name, spec: { kind: 'live', context: name } });

function deps(reviewer: Partial<Reviewer>, now: () => number): IdentifyDeps {
  const rows = new Set<string>();
  return {
    config,
    reviewerFor: () => ({ tokenReview: async () => null, subjectAccessReview: async () => false, ...reviewer }),
    access: createAccessChecker(config, now),
    revocations: createRevocations(async () => ({ revokeSession: async (id) => void rows.add(id), isSessionRevoked: async (id) => rows.has(id) }), now),
    rechecks: createRecheckCache(),
    now,
  };
}
const request = (cookie: string) => ({ headers: new Headers(), cookie: () => cookie });

describe('identify', () => {
  it('identify: answers for a cluster only with the identity proven on it', async () => {
    const cookie = createSession({ user: 'pat', groups: ['sre'] }, config.session.secret, 3_600_000, 0, { cluster: 'live::a', token: 't' });
    const d = deps({}, () => 1000);
    expect(await identify(request(cookie), { cluster: cluster('a') }, d)).toMatchObject({ ok: true, viewer: { user: 'pat' }, scope: { clusterWide: true } });
    expect(await identify(request(cookie), { cluster: cluster('b') }, d)).toEqual({ ok: false, status: 401, reason: 'not signed in to this cluster', signInFor: 'b' });
  });

  it('identify: asks for the namespaces only after authenticating, and only for a viewer who is not cluster-wide', async () => {
    const namespaces = vi.fn(async () => ['payments', 'crm']);
    const d = deps({ subjectAccessReview: async (q) => q.namespace === 'payments' }, () => 1000);
    expect(await identify(request('forged'), { cluster: cluster('a'), namespaces }, d)).toMatchObject({ ok: false, status: 401 });
    expect(namespaces).not.toHaveBeenCalled();
    const cookie = createSession({ user: 'pat', groups: [] }, config.session.secret, 3_600_000, 0, { cluster: 'live::a', token: 't' });
    const who = await identify(request(cookie), { cluster: cluster('a'), namespaces }, d);
    expect(who.ok && [...who.scope.namespaces]).toEqual(['payments']);
  });

  it('identify: a re-check the cluster cannot answer refuses the request but keeps the session', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let now = 0;
    let up = false;
    const cookie = createSession({ user: 'pat', groups: ['sre'] }, config.session.secret, 3_600_000, 0, { cluster: 'live::a', token: 'secret-token' });
    const d = deps({ tokenReview: async () => (up ? { username: 'pat', groups: ['sre'] } : Promise.reject(new Error('503'))) }, () => now);
    now = 61_000;
    expect(await identify(request(cookie), { cluster: cluster('a') }, d)).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/could not check/) });
    expect(JSON.stringify(err.mock.calls)).not.toContain('secret-token');
    up = true;
    expect(await identify(request(cookie), { cluster: cluster('a') }, d)).toMatchObject({ ok: true, viewer: { user: 'pat' } });
    err.mockRestore();
  });
});
