import { describe, expect, it } from 'vitest';
import type { AccessQuestion, Reviewer } from '../../cluster/reviews';
import { ACCESS_CACHE_MS, createAccessChecker } from './access';

function fakeReviewer(allow: (q: AccessQuestion) => boolean) {
  const asked: AccessQuestion[] = [];
  const reviewer: Reviewer = {
    tokenReview: async () => null,
    subjectAccessReview: async (q) => {
      asked.push(q);
      return allow(q);
    },
  };
  return { reviewer, asked };
}

const config = { adminGroups: ['sre'], namespaceAccess: { verb: 'list', resource: 'pods' } };
const alice = { user: 'alice', groups: ['dev'] };

describe('access checker', () => {
  it('shows a viewer only the namespaces where they may list pods', async () => {
    const { reviewer, asked } = fakeReviewer((q) => q.namespace === 'payments');
    const scope = await createAccessChecker(config).scope(alice, ['payments', 'legacy', 'kube-system'], reviewer);
    expect(scope).toEqual({ clusterWide: false, namespaces: new Set(['payments']) });
    expect(asked[0]).toEqual({ user: 'alice', groups: ['dev'], verb: 'list', resource: 'pods', namespace: undefined });
    expect(asked.filter((q) => q.namespace)).toHaveLength(3);
  });

  it('gives cluster-wide views to a cluster-scope allow or an admin group, without asking for the latter', async () => {
    const { reviewer } = fakeReviewer((q) => q.namespace === undefined);
    expect((await createAccessChecker(config).scope(alice, ['a', 'b'], reviewer)).clusterWide).toBe(true);
    const none = fakeReviewer(() => false);
    const admin = await createAccessChecker(config).scope({ user: 'root', groups: ['sre'] }, ['a'], none.reviewer);
    expect(admin).toEqual({ clusterWide: true, namespaces: new Set(['a']) });
    expect(none.asked).toHaveLength(0);
  });

  it('caches decisions per viewer for a minute', async () => {
    let t = 0;
    const { reviewer, asked } = fakeReviewer(() => false);
    const checker = createAccessChecker(config, () => t);
    await checker.scope(alice, ['a'], reviewer);
    await checker.scope(alice, ['a'], reviewer);
    expect(asked).toHaveLength(2);
    await checker.scope({ user: 'bob', groups: [] }, ['a'], reviewer);
    expect(asked).toHaveLength(4);
    t = ACCESS_CACHE_MS;
    await checker.scope(alice, ['a'], reviewer);
    expect(asked).toHaveLength(6);
  });

  it('fails closed when the review fails, and sees nothing without a cluster to ask', async () => {
    const broken: Reviewer = { tokenReview: async () => null, subjectAccessReview: async () => Promise.reject(new Error('503')) };
    const err = console.error;
    console.error = () => undefined;
    try {
      expect(await createAccessChecker(config).scope(alice, ['a'], broken)).toEqual({ clusterWide: false, namespaces: new Set() });
    } finally {
      console.error = err;
    }
    expect(await createAccessChecker(config).scope(alice, ['a'], null)).toEqual({ clusterWide: false, namespaces: new Set() });
  });

  it('lets everyone see everything with AUTH_MODE=none', async () => {
    expect((await createAccessChecker(config).scope(null, ['a'], null)).clusterWide).toBe(true);
  });
});
