// Every route handler fed malformed input, called directly (as rbac-routes.test.ts does) with the
// services behind it replaced: each bad input answers 400/404/413/415 with JSON {error} and no
// stack trace, never a 500. A control row per route shows good input gets past the checks.
//
// Routes and where their input is checked:
//   POST   /api/auth/signin              form only (415), 16 KiB (413): route-input.ts formContentTypeRefusal/declaredTooLarge + readBodyLimited;
//                                         token length/whitespace and `next` in lib/server/auth/signin.ts (303 back to /signin)
//   POST   /signout                      no input (same-origin only)
//   GET    /metrics                      no query; the bearer compared in lib/server/auth/authenticate.ts secretMatches
//   GET    /healthz, /readyz             no input
//   GET    /api/contexts                 no input
//   POST   /api/contexts                 {context} strict, ≤253 chars, JSON ≤16 KiB: route-input.ts readJsonBody(contextInput); then must be a kubeconfig context (400)
//   GET    /api/posture, /posture/stamp  no query (If-None-Match/Accept-Encoding headers only: lib/server/posture-json.ts)
//   GET    /api/findings                 area/severity/sort/format enums, page int, text ≤200: route-input.ts findingsApiQuery (400)
//   GET    /api/rbac/subjects            verb/resource/group tokens, namespace name, ≤253: lib/posture/rbac/api.ts parseWhoCan (400)
//   GET    /api/rbac/subjects/:kind/:name  kind enum, name 1–253 without control characters, namespace for ServiceAccounts: parseSubject + route (400)
//   POST   /api/scan                     no input (same-origin only; any body is not read)
//   GET    /api/snapshots                no input
//   POST   /api/snapshots                {label?} strict ≤200, JSON ≤16 KiB: readJsonBody(takeSnapshotInput) (415/413/400)
//   POST   /api/snapshots/import         JSON (415), ≤20 MiB (413), label ≤200 and the document: lib/snapshots/validate.ts parsePostureImport (400)
//   GET/DELETE /api/snapshots/:id, GET /api/snapshots/:id/html, GET /api/snapshots/:id/shares, DELETE /api/shares/:id
//                                         id must be a UUID: snapshot-service.ts isId (404, nothing looked up)
//   POST   /api/snapshots/:id/shares     isId (404); {expiresInHours 1..max, redact bool} strict: readJsonBody(shareInput) (415/413/400)
//   GET    /api/exceptions, /api/exceptions/audit  no input
//   POST   /api/exceptions               {checkId, scope, reason, owner, expires} strict: readJsonBody(createExceptionInput) (415/413/400);
//                                         expiry not past and ≤ EXCEPTION_MAX_DAYS (400): lib/server/exceptions-service.ts expiryError
//   PATCH/DELETE /api/exceptions/:id      isId (404); PATCH {reason?, owner?, expires?, scope?} non-empty: updateExceptionInput (400)
//                                         (tested with a real store in lib/server/exceptions-routes.test.ts)
import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/server/posture-service', () => ({
  getPosture: async () => ({ doc: null, inventory: null, error: 'no posture yet' }),
  rescan: async () => {},
  scanStats: () => null,
}));
vi.mock('@/lib/server/auth/viewer-posture', () => ({
  viewerPostureForRoute: async () => ({ ok: true, doc: null, inventory: null, error: 'no posture yet' }),
  clusterRouteRefusal: async () => null,
}));
// Authentication is identify()'s (lib/server/auth, e2e/pentest-*.unit.test.ts): here every caller is a cluster-wide viewer.
const identity = { ok: true, viewer: null, cluster: { key: 'demo', name: 'demo', spec: { kind: 'demo' } }, scope: { clusterWide: true, namespaces: new Set() } };
vi.mock('@/lib/server/auth/guard', () => ({
  routeIdentity: async () => ({ ok: true, identity }),
  clusterRouteIdentity: async () => ({ ok: true, identity }),
  routeIdentityOnAnyCluster: async () => ({ ok: true, identity }),
}));
vi.mock('@/lib/server/auth/identify', () => ({
  reviewerFor: () => null,
  serverRevocations: () => ({ revoke: async () => {}, isRevoked: async () => false }),
}));
vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers() }));
vi.mock('@/lib/server/auth/config', () => ({
  authConfig: () => ({
    mode: 'token',
    proxy: { trustedCidrs: [] },
    session: { secret: Buffer.alloc(32), ephemeral: true, ttlMs: 3_600_000, cookie: 'kp-session' },
    signinPerMinute: 1_000,
    metricsToken: null,
  }),
}));
vi.mock('@/lib/cluster/source', () => ({ sourceFromEnv: () => ({ kind: 'demo' }) }));
vi.mock('@/lib/server/request-source', () => ({
  CONTEXT_COOKIE: 'kp-context',
  availableContexts: () => ({ contexts: ['dev'], current: 'dev' }),
  requestSource: async () => ({ kind: 'demo' }),
  requestCluster: async () => identity.cluster,
}));
vi.mock('@/lib/server/snapshot-service', async (importActual) => {
  const { isId, ShareLimitError } = await importActual<typeof import('@/lib/server/snapshot-service')>();
  const store = { get: async () => null, delete: async () => false, list: async () => [], listShares: async () => [], revokeShare: async () => false };
  return {
    isId,
    ShareLimitError,
    snapshotStore: async () => store,
    requestScope: async () => ({ spec: { kind: 'demo' }, scope: 'demo' }),
    takeSnapshot: async () => ({ ok: false, error: 'no posture yet' }),
    createShare: async () => null,
    revokeShare: async () => false,
    importSnapshot: async () => {
      throw new Error('not reached in these tests');
    },
  };
});

const signin = await import('@/app/api/auth/signin/route');
const signout = await import('@/app/signout/route');
const contexts = await import('@/app/api/contexts/route');
const findings = await import('@/app/api/findings/route');
const posture = await import('@/app/api/posture/route');
const subjects = await import('@/app/api/rbac/subjects/route');
const subject = await import('@/app/api/rbac/subjects/[kind]/[name]/route');
const snapshots = await import('@/app/api/snapshots/route');
const snapshot = await import('@/app/api/snapshots/[id]/route');
const snapshotHtml = await import('@/app/api/snapshots/[id]/html/route');
const shares = await import('@/app/api/snapshots/[id]/shares/route');
const share = await import('@/app/api/shares/[id]/route');
const importRoute = await import('@/app/api/snapshots/import/route');

const ORIGIN = 'http://localhost';
const ID = '3f2b8c1e-9d4a-4b7e-8c2f-1a2b3c4d5e6f';
const JSON_TYPE = { 'Content-Type': 'application/json' };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const LONG = 'x'.repeat(10 * 1024);

const get = (path: string) => new Request(ORIGIN + path);
const post = (path: string, body: BodyInit | null, headers: Record<string, string> = JSON_TYPE, method = 'POST') =>
  new Request(ORIGIN + path, { method, body, headers, duplex: 'half' } as RequestInit);
const del = (path: string) => new Request(ORIGIN + path, { method: 'DELETE' });
const ctx = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

/** `bytes` of body, produced lazily in 64 KiB chunks (the routes stop reading past their limit). */
function bigBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let left = bytes;
  return new ReadableStream({
    pull(c) {
      if (left <= 0) return c.close();
      const n = Math.min(left, chunk.length);
      left -= n;
      c.enqueue(chunk.subarray(0, n));
    },
  });
}

/** Odd path ids: traversal, NUL, overlong, empty, not a UUID, a UUID with a tail. */
const BAD_IDS = ['../etc/passwd', '..%2F..%2Fx', 'a\u0000b', LONG, '', 'not-a-uuid', `${ID}/../x`, `${ID}\u0000`];

type Row = [name: string, call: () => Promise<Response> | Response, status: number];

const rejected: Row[] = [
  // POST /api/auth/signin
  ['signin: JSON instead of a form', () => signin.POST(post('/api/auth/signin', '{"token":"t"}')), 415],
  ['signin: no media type', () => signin.POST(post('/api/auth/signin', 'token=t', {})), 415],
  ['signin: text/plain', () => signin.POST(post('/api/auth/signin', 'token=t', { 'Content-Type': 'text/plain' })), 415],
  ['signin: a 1 MiB form', () => signin.POST(post('/api/auth/signin', bigBody(1024 * 1024), FORM)), 413],
  ['signin: a declared 1 MiB form', () => signin.POST(post('/api/auth/signin', 'token=t', { ...FORM, 'Content-Length': String(1024 * 1024) })), 413],
  // POST /api/contexts
  ['contexts: invalid JSON', () => contexts.POST(post('/api/contexts', '{"context":')), 400],
  ['contexts: text/plain', () => contexts.POST(post('/api/contexts', '{"context":"dev"}', { 'Content-Type': 'text/plain' })), 415],
  ['contexts: a form', () => contexts.POST(post('/api/contexts', 'context=dev', FORM)), 415],
  ['contexts: a 1 MiB body', () => contexts.POST(post('/api/contexts', bigBody(1024 * 1024))), 413],
  ['contexts: context is a number', () => contexts.POST(post('/api/contexts', '{"context":7}')), 400],
  ['contexts: a JSON array', () => contexts.POST(post('/api/contexts', '["dev"]')), 400],
  ['contexts: an unknown field', () => contexts.POST(post('/api/contexts', '{"context":"dev","admin":true}')), 400],
  ['contexts: a 10 kB context', () => contexts.POST(post('/api/contexts', JSON.stringify({ context: LONG }))), 400],
  ['contexts: an unknown context', () => contexts.POST(post('/api/contexts', '{"context":"../prod"}')), 400],
  ['contexts: an empty body', () => contexts.POST(post('/api/contexts', '')), 400],
  // GET /api/findings
  ['findings: an unknown area', () => findings.GET(get('/api/findings?area=bogus')), 400],
  ['findings: severity in capitals', () => findings.GET(get('/api/findings?severity=CRITICAL')), 400],
  ['findings: format=xml', () => findings.GET(get('/api/findings?format=xml')), 400],
  ['findings: sort=../x', () => findings.GET(get('/api/findings?sort=..%2Fx')), 400],
  ['findings: page=-1', () => findings.GET(get('/api/findings?page=-1')), 400],
  ['findings: page=abc', () => findings.GET(get('/api/findings?page=abc')), 400],
  ['findings: page=1.5', () => findings.GET(get('/api/findings?page=1.5')), 400],
  ['findings: a 10 kB search', () => findings.GET(get(`/api/findings?q=${LONG}`)), 400],
  ['findings: a 10 kB namespace', () => findings.GET(get(`/api/findings?namespace=${LONG}`)), 400],
  // GET /api/rbac/subjects
  ['who-can: resource without verb', () => subjects.GET(get('/api/rbac/subjects?resource=pods')), 400],
  ['who-can: resource=../secrets', () => subjects.GET(get('/api/rbac/subjects?verb=get&resource=..%2Fsecrets')), 400],
  ['who-can: NUL in verb', () => subjects.GET(get('/api/rbac/subjects?verb=g%00et&resource=pods')), 400],
  ['who-can: a 10 kB verb', () => subjects.GET(get(`/api/rbac/subjects?verb=${LONG}&resource=pods`)), 400],
  ['who-can: namespace Bad_NS', () => subjects.GET(get('/api/rbac/subjects?verb=get&resource=pods&namespace=Bad_NS')), 400],
  // GET /api/rbac/subjects/:kind/:name
  ['subject: kind ..', () => subject.GET(get('/api/rbac/subjects/../x'), ctx({ kind: '..', name: 'x' })), 400],
  ['subject: kind with NUL', () => subject.GET(get('/api/rbac/subjects/U%00ser/x'), ctx({ kind: 'User\u0000', name: 'x' })), 400],
  ['subject: a 10 kB name', () => subject.GET(get('/api/rbac/subjects/User/x'), ctx({ kind: 'User', name: LONG })), 400],
  ['subject: NUL in the name', () => subject.GET(get('/api/rbac/subjects/User/a'), ctx({ kind: 'User', name: 'a\u0000b' })), 400],
  ['subject: %00 still encoded', () => subject.GET(get('/api/rbac/subjects/User/a'), ctx({ kind: 'User', name: 'a%00b' })), 400],
  ['subject: an empty name', () => subject.GET(get('/api/rbac/subjects/User/'), ctx({ kind: 'User', name: '' })), 400],
  ['subject: a User with a namespace', () => subject.GET(get('/api/rbac/subjects/User/a?namespace=ci'), ctx({ kind: 'User', name: 'a' })), 400],
  ['subject: ServiceAccount, namespace ../x', () => subject.GET(get('/api/rbac/subjects/ServiceAccount/a?namespace=..%2Fx'), ctx({ kind: 'ServiceAccount', name: 'a' })), 400],
  // POST /api/snapshots
  ['take: invalid JSON', () => snapshots.POST(post('/api/snapshots', '{label')), 400],
  ['take: text/plain', () => snapshots.POST(post('/api/snapshots', '{}', { 'Content-Type': 'text/plain' })), 415],
  ['take: a 1 MiB body', () => snapshots.POST(post('/api/snapshots', bigBody(1024 * 1024))), 413],
  ['take: a declared 1 MiB body', () => snapshots.POST(post('/api/snapshots', '{}', { ...JSON_TYPE, 'Content-Length': String(1024 * 1024) })), 413],
  ['take: label is a number', () => snapshots.POST(post('/api/snapshots', '{"label":5}')), 400],
  ['take: a 201-character label', () => snapshots.POST(post('/api/snapshots', JSON.stringify({ label: 'l'.repeat(201) }))), 400],
  ['take: an unknown field', () => snapshots.POST(post('/api/snapshots', '{"label":"a","scope":"all"}')), 400],
  ['take: a JSON string', () => snapshots.POST(post('/api/snapshots', '"label"')), 400],
  // POST /api/snapshots/:id/shares
  ['share: invalid JSON', () => shares.POST(post(`/api/snapshots/${ID}/shares`, '{'), ctx({ id: ID })), 400],
  ['share: text/plain', () => shares.POST(post(`/api/snapshots/${ID}/shares`, '{}', { 'Content-Type': 'text/plain' }), ctx({ id: ID })), 415],
  ['share: a 1 MiB body', () => shares.POST(post(`/api/snapshots/${ID}/shares`, bigBody(1024 * 1024)), ctx({ id: ID })), 413],
  ['share: hours as a string', () => shares.POST(post(`/api/snapshots/${ID}/shares`, '{"expiresInHours":"72"}'), ctx({ id: ID })), 400],
  ['share: hours out of range', () => shares.POST(post(`/api/snapshots/${ID}/shares`, '{"expiresInHours":1e9}'), ctx({ id: ID })), 400],
  ['share: redact as a string', () => shares.POST(post(`/api/snapshots/${ID}/shares`, '{"redact":"yes"}'), ctx({ id: ID })), 400],
  ['share: an unknown field', () => shares.POST(post(`/api/snapshots/${ID}/shares`, '{"token":"mine"}'), ctx({ id: ID })), 400],
  // POST /api/snapshots/import
  ['import: text/plain', () => importRoute.POST(post('/api/snapshots/import', '{}', { 'Content-Type': 'text/plain' })), 415],
  ['import: invalid JSON', () => importRoute.POST(post('/api/snapshots/import', '{"schemaVersion":')), 400],
  ['import: an empty body', () => importRoute.POST(post('/api/snapshots/import', '')), 400],
  ['import: a wrong schemaVersion', () => importRoute.POST(post('/api/snapshots/import', '{"schemaVersion":"one"}')), 400],
  ['import: a 201-character label', () => importRoute.POST(post(`/api/snapshots/import?label=${'l'.repeat(201)}`, '{}')), 400],
  ['import: 20 MiB and a byte', () => importRoute.POST(post('/api/snapshots/import', bigBody(20 * 1024 * 1024 + 1))), 413],
  ['import: a declared 30 MiB', () => importRoute.POST(post('/api/snapshots/import', '{}', { ...JSON_TYPE, 'Content-Length': String(30 * 1024 * 1024) })), 413],
  // Snapshot and share ids in the path
  ...BAD_IDS.flatMap((id): Row[] => {
    const shown = JSON.stringify(id.length > 20 ? `${id.slice(0, 20)}…` : id);
    return [
      [`GET snapshot ${shown}`, () => snapshot.GET(get('/api/snapshots/x'), ctx({ id })), 404],
      [`DELETE snapshot ${shown}`, () => snapshot.DELETE(del('/api/snapshots/x'), ctx({ id })), 404],
      [`GET snapshot html ${shown}`, () => snapshotHtml.GET(get('/api/snapshots/x/html'), ctx({ id })), 404],
      [`GET shares of ${shown}`, () => shares.GET(get('/api/snapshots/x/shares'), ctx({ id })), 404],
      [`POST share of ${shown}`, () => shares.POST(post('/api/snapshots/x/shares', '{}'), ctx({ id })), 404],
      [`DELETE share ${shown}`, () => share.DELETE(del('/api/shares/x'), ctx({ id })), 404],
    ];
  }),
];

/** Good input gets past the checks (to the mocked services behind them: no posture, no such snapshot). */
const accepted: Row[] = [
  ['signin: a form with a wrong token', () => signin.POST(post('/api/auth/signin', 'token=t&next=%2F', FORM)), 303],
  ['signout: a stray body is not read', () => signout.POST(post('/signout', LONG, { 'Content-Type': 'text/plain' })), 303],
  ['contexts: a known context', () => contexts.POST(post('/api/contexts', '{"context":"dev"}')), 200],
  ['findings: every filter, and an unknown parameter', () => findings.GET(get('/api/findings?area=rbac&severity=high&sort=check&format=csv&page=2&q=x&utm=1&area=')), 503],
  ['posture: a query is ignored', () => posture.GET(get(`/api/posture?x=${LONG}`)), 503],
  ['who-can: a good question', () => subjects.GET(get('/api/rbac/subjects?verb=get&resource=secrets&namespace=shop&group=apps')), 503],
  ['subject: an odd but legal User name', () => subject.GET(get('/api/rbac/subjects/User/x'), ctx({ kind: 'User', name: '../alice@acme.com' })), 503],
  ['take: an empty body, no media type', () => snapshots.POST(post('/api/snapshots', null, {})), 503],
  ['take: a label, JSON with a charset', () => snapshots.POST(post('/api/snapshots', '{"label":"before upgrade"}', { 'Content-Type': 'application/json; charset=utf-8' })), 503],
  ['share: good options, no such snapshot', () => shares.POST(post(`/api/snapshots/${ID}/shares`, '{"expiresInHours":24,"redact":true}'), ctx({ id: ID })), 404],
  ['GET shares of a UUID', () => shares.GET(get(`/api/snapshots/${ID}/shares`), ctx({ id: ID })), 200],
];

/** Not a stack trace: no "    at f (file:1:2)" frames, no file paths. */
const STACK = /\n\s+at |\bat .+:\d+:\d+|node_modules|\/work\/|\.ts:\d+/;

describe('API routes refuse malformed input with a 4xx JSON {error}', () => {
  it.each(rejected)('%s', async (_name, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { error?: unknown };
    expect(typeof body.error).toBe('string');
    expect((body.error as string).length).toBeGreaterThan(0);
    expect((body.error as string).length).toBeLessThan(400); // an echoed 10 kB value would be another problem
    expect(body.error).not.toMatch(STACK);
  });
});

describe('the same routes accept good input', () => {
  it.each(accepted)('%s', async (_name, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
  });
});
