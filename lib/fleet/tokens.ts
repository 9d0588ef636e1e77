// Ingest tokens: 32 random bytes, base64url, with a prefix so a leaked one is recognisable
// (secret scanners) and a malformed Authorization header is refused before anything is read.
// Only the SHA-256 is stored; the token is shown once, when created, and never logged.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const INGEST_TOKEN_PREFIX = 'kpi_';
const SHAPE = /^kpi_[A-Za-z0-9_-]{43}$/;

export function newIngestToken(): string {
  return INGEST_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function ingestTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer kpi_…` header, or null when it is absent or not one. */
export function bearerIngestToken(header: string | null | undefined): string | null {
  const m = /^Bearer ([^\s]+)$/i.exec(header?.trim() ?? '');
  return m && SHAPE.test(m[1]!) ? m[1]! : null;
}

/** Constant-time comparison of two hex hashes (the store found the row by hash; this re-checks without a timing signal). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
