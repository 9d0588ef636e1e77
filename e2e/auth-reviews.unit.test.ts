// lib/cluster/reviews.ts against the fake API server's TokenReview and SubjectAccessReview.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewer, type Reviewer } from '../lib/cluster/reviews';
import { REVIEW_PATHS, review } from './fake-cluster/reviews';
import { startFakeCluster, type FakeCluster } from './fake-cluster/server';

let fake: FakeCluster;
let reviewer: Reviewer;
const seen: { method: string; path: string; status: number }[] = [];

beforeAll(async () => {
  fake = await startFakeCluster({
    objects: [],
    onRequest: (r) => seen.push(r),
    reviews: {
      users: { 'alice-token': { username: 'alice', groups: ['dev'] }, 'root-token': { username: 'root', groups: ['sre'] } },
      rules: [
        { user: 'alice', namespace: 'payments', verb: 'list', resource: 'pods' },
        { group: 'sre', namespace: '*', verb: '*', resource: '*' },
      ],
    },
  });
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-reviews-')), 'kubeconfig');
  await fake.writeKubeconfig(file);
  reviewer = createReviewer({ kubeconfig: file });
});
afterAll(() => fake.close());

describe('TokenReview', () => {
  it('names the user and groups of a known token, and nobody for another', async () => {
    expect(await reviewer.tokenReview('alice-token')).toEqual({ username: 'alice', groups: ['dev'] });
    expect(await reviewer.tokenReview('forged-token')).toBeNull();
    expect(seen.at(-1)).toEqual(expect.objectContaining({ method: 'POST', path: '/apis/authentication.k8s.io/v1/tokenreviews', status: 201 }));
  });
});

describe('SubjectAccessReview', () => {
  it('allows what a rule allows, per namespace, user and group', async () => {
    const q = { user: 'alice', groups: ['dev'], verb: 'list', resource: 'pods' };
    expect(await reviewer.subjectAccessReview({ ...q, namespace: 'payments' })).toBe(true);
    expect(await reviewer.subjectAccessReview({ ...q, namespace: 'legacy-crm' })).toBe(false);
    expect(await reviewer.subjectAccessReview(q)).toBe(false); // cluster scope
    expect(await reviewer.subjectAccessReview({ ...q, verb: 'delete', namespace: 'payments' })).toBe(false);
    expect(await reviewer.subjectAccessReview({ user: 'root', groups: ['sre'], verb: 'list', resource: 'pods' })).toBe(true);
  });

  it('follows rule changes', async () => {
    fake.setReviews({ users: {}, rules: [{ user: 'alice', namespace: '*', verb: 'list', resource: 'pods' }] });
    expect(await reviewer.subjectAccessReview({ user: 'alice', groups: [], verb: 'list', resource: 'pods' })).toBe(true);
    expect(await reviewer.tokenReview('alice-token')).toBeNull();
  });
});

describe('review()', () => {
  it('answers only POST, and never echoes the token', () => {
    expect(() => review('GET', REVIEW_PATHS.token, '', { users: {}, rules: [] })).toThrow(/reviews are created with POST/);
    const body = JSON.stringify(
      review('POST', REVIEW_PATHS.token, JSON.stringify({ spec: { token: 't' } }), { users: { t: { username: 'u', groups: [] } }, rules: [] }),
    );
    expect(body).toContain('"authenticated":true');
    expect(body).not.toContain('"t"');
  });
});
