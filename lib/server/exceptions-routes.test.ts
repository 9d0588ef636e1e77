// The exceptions API called directly, on a real PGlite store: who may read and change, the
// expiry cap, same-origin, zod input checks, per-cluster isolation, the audit trail, and that a
// change makes the posture be triaged again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SnapshotStore } from '../snapshots/store';

const dir = mkdtempSync(path.join(tmpdir(), 'exc-routes-'));
let store: SnapshotStore;
const invalidated: unknown[] = [];

type Who = { viewer: { user: string; groups: string[] } | null; clusterWide: boolean; cluster: string };
let who: Who = { viewer: { user: 'alice', groups: ['sre'] }, clusterWide: true, cluster: 'live::prod' };

vi.mock('@/lib/server/snapshot-store', () => ({ appStore: () => ({ get: async () => store }) }));
vi.mock('@/lib/server/posture-service', () => ({ invalidatePosture: (spec: unknown) => invalidated.push(spec) }));
vi.mock('@/lib/server/auth/guard', () => ({
  clusterRouteIdentity: async () =>
    who.clusterWide
      ? { ok: true, identity: { ok: true, viewer: who.viewer, cluster: { key: who.cluster, name: who.cluster, spec: { kind: 'demo' } }, scope: { clusterWide: true, namespaces: new Set() } } }
      : { ok: false, response: Response.json({ error: 'cluster-wide only' }, { status: 403 }) },
}));

const list = await import('../../app/api/exceptions/route');
const one = await import('../../app/api/exceptions/[id]/route');
const audit = await import('../../app/api/exceptions/audit/route');

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const body = (over: Record<string, unknown> = {}) => ({
  checkId: 'pod-security.pss.privileged',
  scope: { type: 'object', kind: 'Deployment', namespace: 'apps', name: 'web' },
  reason: 'migrating to a CNI that needs no privilege',
  owner: 'team-net',
  expires: day(30),
  ...over,
});
const req = (method: string, value?: unknown, headers: Record<string, string> = {}) =>
  new Request('http://dash.local/api/exceptions', {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: value === undefined ? undefined : JSON.stringify(value),
  });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  store = await SnapshotStore.open({ dataDir: dir });
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  who = { viewer: { user: 'alice', groups: ['sre'] }, clusterWide: true, cluster: 'live::prod' };
  delete process.env.EXCEPTION_GROUPS;
  delete process.env.EXCEPTION_MAX_DAYS;
  invalidated.length = 0;
  await store.sql.query('DELETE FROM posture_exceptions');
  await store.sql.query('DELETE FROM exception_audit');
});

describe('exceptions API', () => {
  it('creates with the signed-in identity as creator, lists, changes, deletes, and audits each step', async () => {
    const created = await list.POST(req('POST', body()));
    expect(created.status).toBe(201);
    const { exception } = await created.json();
    expect(exception).toMatchObject({ createdBy: 'alice', owner: 'team-net', checkId: 'pod-security.pss.privileged' });
    expect(exception.clusterKey).toBeUndefined();
    expect(invalidated).toHaveLength(1);

    expect((await (await list.GET()).json()).exceptions).toHaveLength(1);
    who.viewer = { user: 'bob', groups: [] };
    const patched = await one.PATCH(req('PATCH', { expires: day(60) }), ctx(exception.id));
    expect(patched.status).toBe(200);
    expect((await patched.json()).exception.expires).toBe(day(60));
    expect((await one.DELETE(req('DELETE'), ctx(exception.id))).status).toBe(204);
    expect((await one.DELETE(req('DELETE'), ctx(exception.id))).status).toBe(404);

    const trail = (await (await audit.GET()).json()).audit;
    expect(trail.map((a: { action: string; actor: string }) => `${a.action}:${a.actor}`)).toEqual(['delete:bob', 'update:bob', 'create:alice']);
    expect(trail[1].before.expires).toBe(day(30));
    expect(trail[1].after.expires).toBe(day(60));
    expect(invalidated).toHaveLength(3);
  });

  it('refuses viewers who are not cluster-wide, on every route', async () => {
    who.clusterWide = false;
    expect((await list.GET()).status).toBe(403);
    expect((await list.POST(req('POST', body()))).status).toBe(403);
    expect((await audit.GET()).status).toBe(403);
    expect((await one.DELETE(req('DELETE'), ctx('00000000-0000-4000-8000-000000000000'))).status).toBe(403);
    expect(await store.sql.query('SELECT 1 FROM posture_exceptions')).toEqual([]);
  });

  it('with EXCEPTION_GROUPS, only members change exceptions (others may still read)', async () => {
    process.env.EXCEPTION_GROUPS = 'security-leads';
    const refused = await list.POST(req('POST', body()));
    expect(refused.status).toBe(403);
    expect((await list.GET()).status).toBe(200);
    who.viewer = { user: 'carol', groups: ['security-leads'] };
    expect((await list.POST(req('POST', body()))).status).toBe(201);
  });

  it('caps the expiry (EXCEPTION_MAX_DAYS, default 90) and requires it', async () => {
    expect((await list.POST(req('POST', body({ expires: day(91) })))).status).toBe(400);
    expect(await (await list.POST(req('POST', body({ expires: day(91) })))).json()).toMatchObject({ error: expect.stringMatching(/more than 90 days/) });
    expect((await list.POST(req('POST', body({ expires: day(-1) })))).status).toBe(400);
    expect((await list.POST(req('POST', { ...body(), expires: undefined }))).status).toBe(400);
    process.env.EXCEPTION_MAX_DAYS = '7';
    expect((await list.POST(req('POST', body({ expires: day(8) })))).status).toBe(400);
    expect((await list.POST(req('POST', body({ expires: day(7) })))).status).toBe(201);
  });

  it('validates the body with zod and refuses cross-site changes', async () => {
    expect((await list.POST(req('POST', body({ checkId: 'nope' })))).status).toBe(400);
    expect((await list.POST(req('POST', body({ scope: { type: 'selector', selector: 'tier in (a,b)' } })))).status).toBe(400);
    expect((await list.POST(req('POST', { ...body(), extra: 1 }))).status).toBe(400);
    expect((await list.POST(req('POST', body(), { 'Content-Type': 'text/plain' }))).status).toBe(415);
    expect((await list.POST(req('POST', body(), { 'Sec-Fetch-Site': 'cross-site' }))).status).toBe(403);
    expect((await one.PATCH(req('PATCH', {}), ctx('00000000-0000-4000-8000-000000000000'))).status).toBe(400);
    expect((await one.PATCH(req('PATCH', { reason: 'x' }), ctx('not-a-uuid'))).status).toBe(404);
    expect(await store.sql.query('SELECT 1 FROM posture_exceptions')).toEqual([]);
  });

  it("keeps each cluster's exceptions to itself", async () => {
    const { exception } = await (await list.POST(req('POST', body()))).json();
    who.cluster = 'live::staging';
    expect((await (await list.GET()).json()).exceptions).toEqual([]);
    expect((await one.PATCH(req('PATCH', { reason: 'hijack' }), ctx(exception.id))).status).toBe(404);
    expect((await one.DELETE(req('DELETE'), ctx(exception.id))).status).toBe(404);
    expect((await (await audit.GET()).json()).audit).toEqual([]);
  });
});
