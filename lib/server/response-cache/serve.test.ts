// The response cache between real HTTP clients and a stand-in for Next.js: what is rendered once
// is served again only to a caller with the same cluster, viewer and scope, for the same posture.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClusterRef } from '../request-source';
import type { Identity } from '../auth/identify';
import { noteRender, RENDER_HEADER, scopeKey, snapshotGeneration } from './renders';
import { serveCacheable, type CacheDeps } from './serve';
import { ENTRY_TTL_MS } from './store';
import { RECLAIM_MIN_OBJECTS, reclaimHeap } from '../reclaim-heap';

const NAMESPACES = ['team-a', 'secret-b'];
const posture = (generatedAt: string) => ({ generatedAt, namespaces: NAMESPACES.map((name) => ({ name })) });
let doc = posture('t1');
let renders = 0;
let noteScopeOverride: string | null = null;
/** Renders wait for this: a test holds one render to see what other requests get meanwhile. */
let renderGate: Promise<void> = Promise.resolve();
/** Pages say which render they are (two renders of one posture then differ). */
let markRenders = false;
/** What a render kept of its response, as Next.js's compression keeps res.write/res.end (see the test). */
let keptWrites: unknown[] = [];

const clusterRef = (key: string): ClusterRef => ({ key, name: key, spec: { kind: 'demo' } });

async function who(req: http.IncomingMessage): Promise<Identity> {
  const user = String(req.headers['x-test-user'] ?? '');
  const cluster = clusterRef(String(req.headers['x-test-cluster'] ?? 'one'));
  if (user === 'admin') return { ok: true, viewer: { user, groups: [] }, cluster, scope: { clusterWide: true, namespaces: new Set(NAMESPACES) } };
  if (user === 'dev') return { ok: true, viewer: { user, groups: [] }, cluster, scope: { clusterWide: false, namespaces: new Set(['team-a']) } };
  return { ok: false, status: 401, reason: 'signed out' };
}

const deps: CacheDeps = {
  cluster: (req) => clusterRef(String(req.headers['x-test-cluster'] ?? 'one')),
  currentPosture: () => ({ doc: doc as never, error: null }),
  identify: async (r) => who({ headers: { 'x-test-user': r.headers.get('x-test-user') ?? undefined, 'x-test-cluster': r.headers.get('x-test-cluster') ?? undefined } } as never),
};

/** What Next.js does for the page: identify, load the viewer's share, note it, render with a nonce CSP, in chunks. */
async function fakeNext(req: http.IncomingMessage, res: http.ServerResponse) {
  const id = await who(req);
  if (!id.ok) {
    res.writeHead(401, { 'content-type': 'application/json' });
    return res.end('{"error":"signed out"}');
  }
  renders++;
  const render = renders;
  keptWrites.push(res.write, res.end);
  await renderGate;
  const seen = NAMESPACES.filter((n) => id.scope.namespaces.has(n));
  noteRender(req.headers[RENDER_HEADER] as string, { cluster: id.cluster.key, viewer: id.viewer!.user, scope: noteScopeOverride ?? scopeKey(id.scope), error: null, snapshots: snapshotGeneration(), doc });
  if (req.url === '/api/posture') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ ...doc, render }));
  }
  const nonce = `n${render}`;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'`);
  res.write(`<html><body><p>${id.viewer!.user} sees ${seen.join(',')} as of ${doc.generatedAt}${markRenders ? `, render ${render}` : ''}</p>${'<br>'.repeat(300)}`);
  await new Promise((r) => setTimeout(r, 5));
  res.write(`<script nonce="${nonce}">self.__next_f.push([1,"x"])</script><script src="/_next/a.js" nonce="${nonce}"></script>`);
  res.end('<script>alert("not ours")</script></body></html>');
}

let server: http.Server;
let url = '';
beforeAll(async () => {
  server = http.createServer((req, res) => void serveCacheable(req, res, () => void fakeNext(req, res), deps));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => void server.close());
beforeEach(() => {
  doc = posture('t1'); // a new posture object: nothing cached
  renders = 0;
  noteScopeOverride = null;
  renderGate = Promise.resolve();
  markRenders = false;
  keptWrites = [];
  vi.restoreAllMocks();
});

const get = (headers: Record<string, string>) => fetch(url, { headers });

describe('the response cache', () => {
  it('renders a page once per posture and viewer, and answers a repeat with 304', async () => {
    const first = await get({ 'x-test-user': 'admin' });
    const body = await first.text();
    expect(body).toContain('admin sees team-a,secret-b as of t1');
    const again = await get({ 'x-test-user': 'admin' });
    expect(await again.text()).toBe(body);
    expect(renders).toBe(1);
    const etag = again.headers.get('etag')!;
    const conditional = await get({ 'x-test-user': 'admin', 'if-none-match': etag });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
    expect(renders).toBe(1);
    doc = posture('t2'); // the posture changed: rendered again
    expect((await get({ 'x-test-user': 'admin', 'if-none-match': etag })).status).toBe(200);
    expect(renders).toBe(2);
  });

  it('renders the whole answer for a conditional miss, and answers it 304 from the cache', async () => {
    const etag = (await get({ 'x-test-user': 'admin' })).headers.get('etag')!;
    doc = posture('t1'); // the same content, a new posture object: a miss
    const res = await get({ 'x-test-user': 'admin', 'if-none-match': etag });
    expect(res.status).toBe(304);
    expect(renders).toBe(2);
    expect((await get({ 'x-test-user': 'admin' })).status).toBe(200);
    expect(renders).toBe(2);
  });

  it('renders once for many viewers arriving together, and answers them all', async () => {
    const bodies = await Promise.all(Array.from({ length: 20 }, () => get({ 'x-test-user': 'admin' }).then((r) => r.text())));
    expect(renders).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('admin sees');
  });

  it('never gives a namespace viewer the page cached for a cluster-wide viewer', async () => {
    await (await get({ 'x-test-user': 'admin' })).text();
    const dev = await get({ 'x-test-user': 'dev' });
    const body = await dev.text();
    expect(body).toContain('dev sees team-a');
    expect(body).not.toContain('secret-b');
    expect(renders).toBe(2);
  });

  it('never gives a signed-out (revoked) session the cached page', async () => {
    await (await get({ 'x-test-user': 'admin' })).text();
    const revoked = await get({ 'x-test-user': 'revoked' });
    expect(revoked.status).toBe(401);
    expect(await revoked.text()).not.toContain('sees');
  });

  it('keeps clusters apart', async () => {
    await (await get({ 'x-test-user': 'admin' })).text();
    await (await get({ 'x-test-user': 'admin', 'x-test-cluster': 'two' })).text();
    expect(renders).toBe(2);
  });

  it('does not keep an answer whose render used another scope than the request was looked up by', async () => {
    noteScopeOverride = '*'; // e.g. the viewer's access changed between the lookup and the render
    await (await get({ 'x-test-user': 'dev' })).text();
    noteScopeOverride = null;
    await (await get({ 'x-test-user': 'dev' })).text();
    expect(renders).toBe(2);
  });

  it("allows only the render's own inline scripts, by hash, and drops the nonce", async () => {
    const res = await get({ 'x-test-user': 'admin' });
    const csp = res.headers.get('content-security-policy')!;
    const body = await res.text();
    const ours = `'sha256-${createHash('sha256').update('self.__next_f.push([1,"x"])').digest('base64')}'`;
    expect(csp).toContain(`script-src 'self' ${ours};`);
    expect(csp).not.toContain('nonce');
    expect(csp).not.toContain('strict-dynamic');
    expect(csp).not.toContain(createHash('sha256').update('alert("not ours")').digest('base64'));
    expect(body).not.toContain('nonce=');
  });

  it('compresses once and sends the compressed body to clients that take it', async () => {
    const plain = await (await get({ 'x-test-user': 'admin' })).text();
    const res = await new Promise<http.IncomingMessage>((r) => http.get(url, { headers: { 'x-test-user': 'admin', 'accept-encoding': 'gzip' } }, r));
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toBe(plain);
  });

  it('sends each coding with its own ETag and length every time, and a 304 without a body or Content-Type', async () => {
    const raw = (headers: Record<string, string>) =>
      new Promise<{ res: http.IncomingMessage; body: Buffer }>((resolve) =>
        http.get(url, { headers: { 'x-test-user': 'admin', ...headers } }, async (res) => {
          const chunks: Buffer[] = [];
          for await (const c of res) chunks.push(c as Buffer);
          resolve({ res, body: Buffer.concat(chunks) });
        }),
      );
    const plain = await raw({});
    const [gz1, gz2] = [await raw({ 'accept-encoding': 'gzip' }), await raw({ 'accept-encoding': 'gzip' })];
    expect(plain.res.headers.etag).toMatch(/^"/);
    expect(gz1.res.headers.etag).toBe(`W/${plain.res.headers.etag}`);
    for (const a of [plain, gz1, gz2]) expect(Number(a.res.headers['content-length'])).toBe(a.body.length);
    expect(gz2.body.equals(gz1.body)).toBe(true);
    expect(gunzipSync(gz2.body).equals(plain.body)).toBe(true);
    const repeat = await raw({ 'accept-encoding': 'gzip', 'if-none-match': gz1.res.headers.etag! });
    expect(repeat.res.statusCode).toBe(304);
    expect(repeat.body.length).toBe(0);
    expect(repeat.res.headers['content-type']).toBeUndefined();
    expect(repeat.res.headers.etag).toBe(gz1.res.headers.etag);
    // A coding refused with q=0 is not sent, whatever else the header says.
    const refused = await raw({ 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.res.headers['content-encoding']).toBeUndefined();
    expect(renders).toBe(1);
  });

  it('forgets the render record of a client that left mid-render (it holds a posture document)', async () => {
    const records = (globalThis as { __kpRenders?: Map<string, unknown> }).__kpRenders!;
    const before = records.size;
    let open!: () => void;
    renderGate = new Promise((r) => (open = r));
    const req = http.get(url, { headers: { 'x-test-user': 'admin' } });
    req.on('error', () => undefined);
    await vi.waitFor(() => expect(renders).toBe(1)); // rendering, held at the gate
    expect(records.size).toBe(before + 1);
    req.destroy();
    await vi.waitFor(() => expect(records.size).toBe(before));
    open();
    // The next viewer renders (nothing was kept from the abandoned render) and is answered.
    expect((await get({ 'x-test-user': 'admin' })).status).toBe(200);
    expect(records.size).toBe(before);
  });

  it('renews a page past its time with one render, answering the others with the page it replaces meanwhile', async () => {
    markRenders = true;
    expect(await (await get({ 'x-test-user': 'admin' })).text()).toContain('render 1');
    const later = Date.now() + ENTRY_TTL_MS + 1;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    let open!: () => void;
    renderGate = new Promise((r) => (open = r));
    const renewing = get({ 'x-test-user': 'admin' }).then((r) => r.text());
    await vi.waitFor(() => expect(renders).toBe(2)); // that request is rendering, held at the gate
    const meanwhile = await Promise.all(Array.from({ length: 5 }, () => get({ 'x-test-user': 'admin' }).then((r) => r.text())));
    expect(meanwhile.every((b) => b.includes('render 1'))).toBe(true);
    // A stale page is still only the same viewer's: a namespace viewer renders their own.
    const dev = get({ 'x-test-user': 'dev' }).then((r) => r.text());
    open();
    expect(await renewing).toContain('render 2');
    expect(await dev).toContain('dev sees team-a as of');
    expect(await (await get({ 'x-test-user': 'admin' })).text()).toContain('render 2');
    expect(renders).toBe(3);
  });

  it('keeps an API answer as long as its posture, however old', async () => {
    const api = (headers: Record<string, string>) => fetch(`${url}api/posture`, { headers });
    expect(await (await api({ 'x-test-user': 'admin' })).json()).toMatchObject({ render: 1 });
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 10 * ENTRY_TTL_MS);
    expect(await (await api({ 'x-test-user': 'admin' })).json()).toMatchObject({ render: 1 });
    expect(renders).toBe(1);
    doc = posture('t2');
    expect(await (await api({ 'x-test-user': 'admin' })).json()).toMatchObject({ render: 2, generatedAt: 't2' });
  });

  it('lets go of the posture document once it has answered, whatever keeps the response object', async () => {
    // Next.js's compression keeps the res.write/res.end it wrapped (the cache's own while it
    // captures) as long as the response object, and a module first loaded during a request
    // keeps that request's response for good: the first page's document stayed beside each new one.
    expect(await (await get({ 'x-test-user': 'admin' })).text()).toContain('as of t1');
    expect(keptWrites.length).toBe(2);
    const first = new WeakRef(doc);
    doc = posture('t2'); // a rescan replaced it
    expect(await (await get({ 'x-test-user': 'admin' })).text()).toContain('as of t2');
    // A WeakRef keeps its target to the end of the job that made it: collect in a later one.
    await new Promise((r) => setTimeout(r, 0));
    expect(reclaimHeap(RECLAIM_MIN_OBJECTS, {})).toBe(true);
    expect(first.deref()).toBeUndefined();
    expect(keptWrites.length).toBe(4); // still held, as in the server
  });
});
