// The /api/rbac/subjects routes, with the posture service replaced by a fixed inventory.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { binding, inventoryOf } from '../posture/test-inventory';
import type { Inventory } from '../cluster/inventory';

let inventory: Inventory | null = null;
vi.mock('@/lib/server/posture-service', () => ({ getPosture: async () => ({ doc: null, inventory, error: inventory ? null : 'cluster unreachable' }) }));
// Authentication and cluster-wide access are lib/server/auth's (tested there): here, the route's use of them.
let refusal: Response | null = null;
vi.mock('@/lib/server/auth/viewer-posture', () => ({ clusterRouteRefusal: async () => refusal }));

const { GET: list } = await import('@/app/api/rbac/subjects/route');
const { GET: detail } = await import('@/app/api/rbac/subjects/[kind]/[name]/route');
const req = (path: string) => new Request(`http://localhost${path}`);
const params = (kind: string, name: string) => ({ params: Promise.resolve({ kind, name }) });

beforeEach(() => {
  refusal = null;
  inventory = inventoryOf([
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'view' },
      rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
    },
    binding('ClusterRoleBinding', 'alice-view', 'view', [{ kind: 'User', name: 'alice@acme.com' }]),
  ]);
});

describe('GET /api/rbac/subjects', () => {
  it('lists subjects and answers who-can questions', async () => {
    expect(await (await list(req('/api/rbac/subjects'))).json()).toMatchObject({ count: 1, subjects: [{ kind: 'User', name: 'alice@acme.com' }] });
    const who = await (await list(req('/api/rbac/subjects?verb=get&resource=pods&namespace=shop'))).json();
    expect(who.subjects.map((s: { name: string }) => s.name)).toEqual(['system:masters', 'alice@acme.com']);
  });
  it('asks cluster-scoped and non-resource-URL questions', async () => {
    // alice's ClusterRoleBinding reaches a cluster-scoped request; nobody but system:masters gets /healthz
    const cluster = await (await list(req('/api/rbac/subjects?verb=get&resource=pods&scope=cluster'))).json();
    expect(cluster.subjects.map((s: { name: string }) => s.name)).toEqual(['system:masters', 'alice@acme.com']);
    const url = await (await list(req('/api/rbac/subjects?verb=get&url=/healthz'))).json();
    expect(url.subjects.map((s: { name: string }) => s.name)).toEqual(['system:masters']);
    expect((await list(req('/api/rbac/subjects?verb=get&resource=pods&scope=cluster&namespace=shop'))).status).toBe(400);
  });
  it('answers 400 on a bad question and 503 without a posture', async () => {
    const bad = await list(req('/api/rbac/subjects?resource=pods'));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/verb and resource/);
    inventory = null;
    const none = await list(req('/api/rbac/subjects'));
    expect([none.status, (await none.json()).error]).toEqual([503, 'cluster unreachable']);
  });
});

describe('GET /api/rbac/subjects/:kind/:name', () => {
  it("returns the subject's grants", async () => {
    const res = await detail(req('/api/rbac/subjects/User/alice%40acme.com'), params('User', 'alice%40acme.com'));
    expect(res.status).toBe(200);
    expect((await res.json()).grants.map((g: { binding: { name: string } }) => g.binding.name)).toEqual(['alice-view']);
  });
  it('answers a ServiceAccount asked in its User form as the ServiceAccount', async () => {
    const name = encodeURIComponent('system:serviceaccount:ci:builder');
    const body = await (await detail(req(`/api/rbac/subjects/User/${name}`), params('User', name))).json();
    expect(body.subject).toEqual({ kind: 'ServiceAccount', namespace: 'ci', name: 'builder' });
  });
  it('refuses unknown kinds and ServiceAccounts without a namespace', async () => {
    expect((await detail(req('/api/rbac/subjects/Pod/x'), params('Pod', 'x'))).status).toBe(400);
    expect((await detail(req('/api/rbac/subjects/ServiceAccount/bot'), params('ServiceAccount', 'bot'))).status).toBe(400);
    expect((await detail(req('/api/rbac/subjects/ServiceAccount/bot?namespace=ci'), params('ServiceAccount', 'bot'))).status).toBe(200);
  });
});

describe('cluster-wide access', () => {
  it('answers with the refusal, and no bindings, to a viewer limited to namespaces', async () => {
    refusal = Response.json({ error: 'cluster-wide only' }, { status: 403 });
    const res = await list(req('/api/rbac/subjects'));
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain('alice');
    expect((await detail(req('/api/rbac/subjects/User/alice%40acme.com'), params('User', 'alice%40acme.com'))).status).toBe(403);
  });
});
