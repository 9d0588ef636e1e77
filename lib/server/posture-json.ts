// The posture document as an HTTP body, serialized once per document rather than once per
// request: at 50,000 pods the JSON is tens of megabytes, and 200 viewers re-serializing it would
// spend the server's CPU on JSON.stringify. Clients that send If-None-Match get a 304.
// In front of this, the response cache (lib/server/response-cache) keeps the answer per viewer
// scope, compressed once; what reaches this route uncached is compressed by Next.js
// (next.config.js `compress`), which does not look at a route's own Content-Encoding.
import { createHash } from 'node:crypto';
import type { PostureDocument } from '../posture/types';
import { viewerPostureForRoute } from './auth/viewer-posture';
import { NO_STORE } from './api-responses';

interface Encoded {
  body: Buffer;
  etag: string;
}

// Keyed by the document object: a new scan (or a viewer's namespace cut) is a new object.
const cache = new WeakMap<object, Encoded>();

function encoded(doc: object): Encoded {
  let e = cache.get(doc);
  if (!e) {
    const body = Buffer.from(JSON.stringify(doc), 'utf8');
    e = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
    cache.set(doc, e);
  }
  return e;
}

/** A JSON response for `doc`, or 304 when the client's ETag matches. */
export function jsonDocumentResponse(doc: object, request: Request | null, headers: Record<string, string>): Response {
  const e = encoded(doc);
  const h = new Headers({ ...headers, ETag: e.etag });
  const match = request?.headers.get('if-none-match');
  if (match && match.split(',').some((t) => t.trim() === e.etag || t.trim() === `W/${e.etag}`)) return new Response(null, { status: 304, headers: h });
  h.set('Content-Type', 'application/json');
  return new Response(streamOf(e.body), { status: 200, headers: h });
}

/**
 * The cached bytes themselves as the body. `new Response(bytes)` copies them (the fetch body
 * extraction): at 50,000 pods a 54 MB copy per uncached answer, and the response cache would
 * keep that copy beside this one for as long as the document lives. A stream's chunk is passed on as it is.
 */
function streamOf(b: Buffer): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(c) {
      c.enqueue(new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength));
      c.close();
    },
  });
}

/**
 * A GET route answering with (a view of) the caller's posture: 401/403 from authentication,
 * 503 with the reason before any scan, and a stale document marked in X-Posture-Stale.
 */
export async function postureRoute(request: Request, body: (doc: PostureDocument) => object = (doc) => doc): Promise<Response> {
  const posture = await viewerPostureForRoute(); // only the namespaces the caller may see
  if (!posture.ok) return posture.response;
  const { doc, error } = posture;
  if (!doc) return Response.json({ error: error ?? 'no posture yet' }, { status: 503, headers: NO_STORE });
  const headers: Record<string, string> = { ...NO_STORE };
  if (error) headers['X-Posture-Stale'] = encodeURIComponent(error);
  return jsonDocumentResponse(body(doc), request, headers);
}
