// Share-link tokens: 256 random bits, base64url. Only the SHA-256 of a token is stored, so a
// leaked database does not hand out working links.
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

export function newShareToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/** The stored hash for a token from a URL, or null when it cannot be one of ours. */
export function shareTokenHash(token: string): string | null {
  return TOKEN_RE.test(token) ? sha256(token) : null;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Share lifetimes: at least an hour, at most 90 days. */
export const MIN_SHARE_HOURS = 1;
export const MAX_SHARE_HOURS = 90 * 24;

/** Live share links one snapshot may have at once (SHARE_LINKS_PER_SNAPSHOT, default 20): each is a standing way in. */
export const DEFAULT_SHARES_PER_SNAPSHOT = 20;

export function maxSharesPerSnapshot(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHARE_LINKS_PER_SNAPSHOT?.trim();
  if (!raw) return DEFAULT_SHARES_PER_SNAPSHOT;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= 1 && n <= 10_000) return n;
  console.warn(`[snapshots] SHARE_LINKS_PER_SNAPSHOT=${JSON.stringify(raw)} is not a whole number from 1 to 10000; using ${DEFAULT_SHARES_PER_SNAPSHOT}`);
  return DEFAULT_SHARES_PER_SNAPSHOT;
}
