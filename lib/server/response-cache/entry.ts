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
  /** What is sent, per coding, built once: later requests write it without awaiting or rebuilding anything. */
  ready: Partial<Record<Coding | 'identity', Ready>>;
}

/** One form of an entry as sent: its body and headers, and the headers of a 304 for it. */
interface Ready {
  body: Buffer;
  headers: OutgoingHttpHeaders;
  notModified: OutgoingHttpHeaders;
}

/** Headers that belong to one connection or are set again on every send. */
const PER_SEND = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date', 'etag', 'strict-transport-security']);

export function cachedResponse(status: number, headers: OutgoingHttpHeaders, body: Buffer, now = Date.now()): CachedResponse {
  const kept: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !PER_SEND.has(k.toLowerCase())) kept[k.toLowerCase()] = v;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { status, headers: kept, body, etag, createdAt: now, coded: {}, ready: {} };
}

/** Whether If-None-Match names this entity (weak comparison, as RFC 9110 has for If-None-Match). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}

// Browsers send a handful of distinct Accept-Encoding values: each is parsed once.
const picked = new Map<string, Coding | null>();

/** The coding to send: br, else gzip, else none; a q=0 refuses a coding. */
export function pickCoding(acceptEncoding: string | undefined): Coding | null {
  const header = acceptEncoding ?? '';
  let coding = picked.get(header);
  if (coding === undefined) {
    coding = parseCoding(header);
    if (picked.size >= 64) picked.clear(); // any client can send any value: bounded
    picked.set(header, coding);
  }
  return coding;
}

function parseCoding(acceptEncoding: string): Coding | null {
  const accepted = new Set<string>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
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
  const notModified = entry.status === 200 && etagMatches(req.headers['if-none-match'] as string | undefined, entry.etag);
  // A 304 needs no body: it does not wait for the compressed one.
  const form = entry.ready[coding ?? 'identity'] ?? (notModified ? headersOf(entry, coding) : await prepare(entry, coding));
  // Whatever Next.js or the capture set on this response so far gives way to the entry (HSTS stays: it is this connection's).
  for (const name of res.getHeaderNames()) if (name !== 'strict-transport-security') res.removeHeader(name);
  if (notModified) {
    res.writeHead(304, form.notModified);
    res.end();
    return;
  }
  res.writeHead(entry.status, (form as Ready).headers);
  res.end(req.method === 'HEAD' ? undefined : (form as Ready).body);
}

/** The headers of the entry in `coding`, and of a 304 for it (no Content-Type). */
function headersOf(entry: CachedResponse, coding: Coding | null): { common: OutgoingHttpHeaders; notModified: OutgoingHttpHeaders } {
  // Strong for the bytes as stored; weak for a compressed form (same entity, other bytes).
  const etag = coding ? `W/${entry.etag}` : entry.etag;
  const vary = String(entry.headers.vary ?? '');
  const common: OutgoingHttpHeaders = { ...entry.headers, etag, vary: /accept-encoding/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding' };
  const { 'content-type': _t, ...notModified } = common;
  return { common, notModified };
}

/** The entry as sent in `coding`, kept on the entry once its body is compressed. */
async function prepare(entry: CachedResponse, coding: Coding | null): Promise<Ready> {
  const body = coding ? await codedBody(entry, coding) : entry.body;
  const { common, notModified } = headersOf(entry, coding);
  const headers: OutgoingHttpHeaders = { ...common, ...(coding ? { 'content-encoding': coding } : {}), 'content-length': body.length };
  return (entry.ready[coding ?? 'identity'] ??= { body, headers, notModified });
}
