// The response cache in front of Next.js (called by the request boundary, before Next.js sees
// the request): the overview page and /api/posture* are rendered once per posture document,
// viewer and scope, then answered from memory (304 to a client that has them). Who the caller
// is and what they may see is asked of identify() on every request, hit or not; only the
// rendering is shared. A miss goes to Next.js, and what it answers is kept only when the
// render says it used the very posture and identity this request was looked up by (renders.ts).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { identify } from '../auth/identify';
import { cookieOf, requestLike } from '../boundary/node-request';
import { clusterOf, CONTEXT_COOKIE, sourceForContext, type ClusterRef } from '../request-source';
import { currentPosture } from '../posture-service';
import { cachedResponse, sendCached, type CachedResponse } from './entry';
import { hashedPage } from './page-csp';
import { expectRender, RENDER_HEADER, sameKey, scopeKey, snapshotGeneration, takeRender, type RenderKey } from './renders';
import { lookup, remember } from './store';

/** What is cached: the overview and the posture API; anything else goes to Next.js as before. */
export const CACHED_PATHS = new Set(['/', '/api/posture', '/api/posture/overview']);

/** A plain GET of a cached path: no query (no unbounded keys), not a client-side navigation's RSC request. */
export function cacheable(req: IncomingMessage): boolean {
  if (req.method !== 'GET' || !req.url || !CACHED_PATHS.has(req.url)) return false;
  const h = req.headers;
  return !h['rsc'] && !h['next-action'] && !h['next-router-prefetch'] && !h['next-router-state-tree'] && !h['next-router-segment-prefetch'];
}

/** Removes a client's own render id, in headers and rawHeaders: only the boundary hands them out. */
export function stripRenderHeader(req: IncomingMessage): void {
  setRequestHeader(req, RENDER_HEADER, undefined);
}

function setRequestHeader(req: IncomingMessage, name: string, value: string | undefined): void {
  delete req.headers[name];
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === name) raw.splice(i, 2);
  if (value !== undefined) {
    req.headers[name] = value;
    raw.push(name, value);
  }
}

export interface CacheDeps {
  identify: typeof identify;
  currentPosture: typeof currentPosture;
  /** The cluster a request is about: the context cookie, as requestCluster() reads it. */
  cluster(req: IncomingMessage): ClusterRef;
}

const serverDeps: CacheDeps = { identify, currentPosture, cluster: (req) => clusterForCookie(cookieOf(req.headers.cookie, CONTEXT_COOKIE)) };

// The cluster a context cookie names, worked out from the environment and the kubeconfig's
// contexts (each process.env read is a syscall-priced lookup): once a second per cookie value, not per request.
const CLUSTER_MEMO_MS = 1000;
const clusters = new Map<string, { at: number; ref: ClusterRef }>();

function clusterForCookie(picked: string | undefined): ClusterRef {
  const now = Date.now();
  const hit = clusters.get(picked ?? '');
  if (hit && now - hit.at < CLUSTER_MEMO_MS) return hit.ref;
  const ref = clusterOf(sourceForContext(picked));
  if (clusters.size >= 64) clusters.clear(); // a client picks the cookie's value: bounded
  clusters.set(picked ?? '', { at: now, ref });
  return ref;
}

/** Answers a cacheable request from the cache, or passes it to Next.js (`forward`) and keeps the answer. */
export async function serveCacheable(req: IncomingMessage, res: ServerResponse, forward: () => void, deps: CacheDeps = serverDeps): Promise<void> {
  let found: Lookup;
  try {
    found = await look(req, deps);
  } catch (e) {
    console.error('[response-cache] lookup failed; Next.js answers:', e);
    return forward(); // it identifies the caller again itself
  }
  if (!found) return forward();
  if ('hit' in found) return sendCached(req, res, found.hit);
  const { key, storeKey, cluster, stale } = found;
  const renders = rendering(found.doc);
  // Many viewers arriving at once after a new scan: one renders, the others wait for its answer;
  // a page due for renewal: one renders it again, the others get the page it replaces meanwhile.
  const running = renders.get(storeKey);
  if (running) {
    if (stale) return sendCached(req, res, stale);
    const entry = await running;
    return entry ? sendCached(req, res, entry) : forward();
  }
  // The callbacks below outlive the request: Next.js's compression keeps res.write/res.end (ours,
  // and so their scope) as long as the response object, and a module first loaded during a
  // request keeps that request's async context, response included, for good. So they hold the
  // document and the answer only until it is settled: at 50,000 pods the first page's document
  // (~80 MB) stayed beside every later one.
  let doc: object | null = found.doc;
  let settle: ((e: CachedResponse | null) => void) | null = null;
  let pending: Promise<CachedResponse | null> | null = new Promise<CachedResponse | null>((r) => (settle = r));
  renders.set(storeKey, pending);
  const finish = (e: CachedResponse | null) => {
    if (renders.get(storeKey) === pending) renders.delete(storeKey);
    settle?.(e);
    doc = settle = pending = null;
  };
  const id = randomUUID();
  expectRender(id);
  res.once('close', () => {
    // The client left before the render finished: the others render themselves. Its record goes
    // too (it holds a posture document), whether or not Next.js ever ends the answer.
    takeRender(id);
    finish(null);
  });
  setRequestHeader(req, RENDER_HEADER, id);
  // Next.js compresses what it sends; the cache keeps the plain body and compresses it once itself.
  // And it renders the whole answer, whatever the client has: the 304 is the entry's to give.
  const conditional = { 'accept-encoding': req.headers['accept-encoding'], 'if-none-match': req.headers['if-none-match'] };
  for (const name of Object.keys(conditional)) setRequestHeader(req, name, undefined);
  capture(res, (status, headers, body) => {
    for (const [name, value] of Object.entries(conditional)) if (value !== undefined) req.headers[name] = value;
    const entry = doc && keep(status, headers, body, takeRender(id), key, doc, deps.currentPosture(cluster.spec)?.doc);
    if (doc && entry) remember(doc, storeKey, entry);
    finish(entry);
    return entry ?? cachedResponse(status, headers, body);
  });
  forward();
}

const g = globalThis as typeof globalThis & { __kpRendering?: WeakMap<object, Map<string, Promise<CachedResponse | null>>> };
const inFlight = (g.__kpRendering ??= new WeakMap());

/** The renders under way for a posture document, by key. */
function rendering(doc: object): Map<string, Promise<CachedResponse | null>> {
  let m = inFlight.get(doc);
  if (!m) inFlight.set(doc, (m = new Map()));
  return m;
}

type Lookup = null | { hit: CachedResponse } | { key: RenderKey; storeKey: string; doc: object; cluster: ClusterRef; stale?: CachedResponse };

/** The caller's key and its cached answer; null when Next.js must answer (no posture or a scan due, or not identified). */
async function look(req: IncomingMessage, deps: CacheDeps): Promise<Lookup> {
  const cluster = deps.cluster(req);
  const current = deps.currentPosture(cluster.spec);
  if (!current) return null;
  const who = await deps.identify(requestLike(req), { cluster, namespaces: async () => current.doc.namespaces.map((n) => n.name) });
  if (!who.ok) return null; // Next.js answers the 401 or the sign-in page
  const key: RenderKey = { cluster: cluster.key, viewer: who.viewer?.user ?? '', scope: scopeKey(who.scope), error: current.error, snapshots: snapshotGeneration() };
  const storeKey = JSON.stringify([req.url, key.cluster, key.viewer, key.scope, key.error, key.snapshots]);
  const found = lookup(current.doc, storeKey);
  if (found && !found.stale) return { hit: found.entry };
  return { key, storeKey, doc: current.doc, cluster, ...(found ? { stale: found.entry } : {}) };
}

/** The entry to keep, or null: only a 200 rendered from this request's posture and identity, with no cookie set. */
function keep(status: number, headers: OutgoingHttpHeaders, body: Buffer, rendered: ReturnType<typeof takeRender>, key: RenderKey, doc: object, docAfter: object | undefined): CachedResponse | null {
  if (status !== 200 || !rendered || rendered.doc !== doc || docAfter !== doc || !sameKey(rendered, key) || headers['set-cookie'] !== undefined) return null;
  const cached = { ...headers, 'cache-control': 'private, no-cache' };
  if (!String(headers['content-type'] ?? '').startsWith('text/html')) return cachedResponse(status, cached, body);
  // A page: its scripts allowed by hash instead of this one render's nonce (page-csp.ts).
  const page = hashedPage(body.toString('utf8'), String(headers['content-security-policy'] ?? ''));
  if (!page) return null;
  // The Link header preloads the stylesheet "with" the nonce; it has none now.
  const link = headers.link === undefined ? {} : { link: String(headers.link).split(`; nonce="${page.nonce}"`).join('') };
  return cachedResponse(status, { ...cached, ...link, 'content-security-policy': page.csp }, Buffer.from(page.html, 'utf8'));
}

/**
 * Holds what Next.js writes instead of sending it; when it ends, `done` turns it into the
 * answer that is sent (the cached entry, or the answer as it was).
 */
function capture(res: ServerResponse, done: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => CachedResponse): void {
  // Emptied at the end: these overrides outlive the request (serveCacheable says why).
  let chunks: Buffer[] = [];
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  // Views, not copies: the posture JSON arrives as one view of a cached 50 MB buffer.
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    res.statusCode = status;
    const headers = rest.find((r) => r && typeof r === 'object');
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string);
    return res;
  } as typeof res.writeHead;
  res.flushHeaders = () => undefined;
  res.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
    chunks.push(toBuffer(chunk, encoding));
    const callback = typeof encoding === 'function' ? encoding : cb;
    if (typeof callback === 'function') queueMicrotask(() => (callback as () => void)());
    return true;
  } as typeof res.write;
  res.end = function (chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
    Object.assign(res, original);
    const callback = [chunk, encoding, cb].find((a) => typeof a === 'function') as (() => void) | undefined;
    if (callback) res.once('finish', callback);
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    chunks = [];
    const entry = done(res.statusCode, res.getHeaders(), body);
    sendCached(res.req, res, entry).catch((e: unknown) => {
      console.error('[response-cache] could not send:', e);
      res.destroy();
    });
    return res;
  } as typeof res.end;
}
