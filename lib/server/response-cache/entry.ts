// One cached HTTP answer: its status, headers and body, with an ETag and the compressed forms
// made once (on first demand) and shared by every later request. Sending writes the cached
// Buffer itself, so 200 viewers of a 27 MB document hold one copy, not 200.
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export type Coding = 'br' | 'gzip';

export interface CachedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  etag: string;
  createdAt: number;
  coded: Partial<Record<Coding, Promise<Buffer>>>;
}

/** Headers that belong to one connection or are set again on every send. */
const PER_SEND = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date', 'etag', 'strict-transport-security']);

export function cachedResponse(status: number, headers: OutgoingHttpHeaders, body: Buffer, now = Date.now()): CachedResponse {
  const kept: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !PER_SEND.has(k.toLowerCase())) kept[k.toLowerCase()] = v;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { status, headers: kept, body, etag, createdAt: now, coded: {} };
}

/** Whether If-None-Match names this entity (weak comparison, as RFC 9110 has for If-None-Match). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

/** The coding to send: br, else gzip, else none; a q=0 refuses a coding. */
export function pickCoding(acceptEncoding: string | undefined): Coding | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : null;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The body in `coding`, compressed once off the main thread (zlib's pool); later callers share it. */
export function codedBody(entry: CachedResponse, coding: Coding): Promise<Buffer> {
  return (entry.coded[coding] ??=
    coding === 'br'
      ? // Quality 5: a 27 MB document in well under a second, most of quality 11's saving.
        brotli(entry.body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
      : gzip(entry.body, { level: 6 }));
}

/** Answers `req` from `entry`: 304 when the client has it, else the body in the best coding it takes. */
export async function sendCached(req: IncomingMessage, res: ServerResponse, entry: CachedResponse): Promise<void> {
  const coding = entry.body.length >= 1024 ? pickCoding(req.headers['accept-encoding'] as string | undefined) : null;
  // Strong for the bytes as stored; weak for a compressed form (same entity, other bytes).
  const etag = coding ? `W/${entry.etag}` : entry.etag;
  const vary = String(entry.headers.vary ?? '');
  const headers: OutgoingHttpHeaders = { ...entry.headers, etag, vary: /accept-encoding/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding' };
  // Whatever Next.js or the capture set on this response so far gives way to the entry (HSTS stays: it is this connection's).
  for (const name of res.getHeaderNames()) if (name !== 'strict-transport-security') res.removeHeader(name);
  if (entry.status === 200 && etagMatches(req.headers['if-none-match'] as string | undefined, entry.etag)) {
    const { 'content-type': _t, ...rest } = headers;
    res.writeHead(304, rest);
    res.end();
    return;
  }
  const body = coding ? await codedBody(entry, coding) : entry.body;
  if (coding) headers['content-encoding'] = coding;
  headers['content-length'] = body.length;
  res.writeHead(entry.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}
