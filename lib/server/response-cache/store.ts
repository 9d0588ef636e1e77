// Cached answers, held per posture document: a new scan or watch update makes a new document
// object, and the answers of the old one go with it (WeakMap), never served for the new one.
// Within a document, one entry per request key (path, cluster, viewer, scope: key.ts), bounded
// in bytes so many namespace scopes cannot grow the process without limit.
import type { CachedResponse } from './entry';

/** Bytes of bodies kept per document (the whole-cluster JSON of a 50,000-pod cluster is ~27 MB). */
const MAX_BYTES = Number(process.env.RESPONSE_CACHE_MAX_MB ?? 256) * 1024 * 1024;
/**
 * Pages also show what is not in the document (the trend from the snapshot store): renewed this
 * often at most. An API answer is the document's alone: kept as long as its document.
 */
export const ENTRY_TTL_MS = 60_000;

interface PerDoc {
  entries: Map<string, CachedResponse>;
  bytes: number;
}

const g = globalThis as typeof globalThis & { __kpResponseCache?: WeakMap<object, PerDoc> };
const byDoc = (g.__kpResponseCache ??= new WeakMap());

const size = (e: CachedResponse) => e.body.length;

/** The entry for `key`; `stale` when it is a page due for renewal (kept, to answer while it is rendered again). */
export function lookup(doc: object, key: string, now = Date.now()): { entry: CachedResponse; stale: boolean } | undefined {
  const entry = byDoc.get(doc)?.entries.get(key);
  if (!entry) return undefined;
  return { entry, stale: isPage(entry) && now - entry.createdAt >= ENTRY_TTL_MS };
}

const isPage = (e: CachedResponse) => String(e.headers['content-type'] ?? '').startsWith('text/html');

export function remember(doc: object, key: string, entry: CachedResponse): void {
  if (size(entry) > MAX_BYTES) return;
  let d = byDoc.get(doc);
  if (!d) byDoc.set(doc, (d = { entries: new Map(), bytes: 0 }));
  const old = d.entries.get(key);
  if (old) {
    d.entries.delete(key);
    d.bytes -= size(old);
  }
  // The oldest go first (Map keeps insertion order).
  for (const [k, e] of d.entries) {
    if (d.bytes + size(entry) <= MAX_BYTES) break;
    d.entries.delete(k);
    d.bytes -= size(e);
  }
  d.entries.set(key, entry);
  d.bytes += size(entry);
}
