// The audit webhook's credential and body cap, in a module small enough for the request boundary
// (lib/server/boundary/body.ts) to ask before any body is read.
import { createHash, timingSafeEqual } from 'node:crypto';

export const AUDIT_WEBHOOK_PATH = '/api/audit/webhook';

const sha = (s: string) => createHash('sha256').update(s).digest();

/** Whether `Authorization` carries the webhook's bearer token (POSTURE_AUDIT_TOKEN), compared in constant time. */
export function auditTokenMatches(header: string | null | undefined, token: string | null | undefined): boolean {
  if (!token) return false;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m !== null && timingSafeEqual(sha(m[1]!), sha(token));
}

const num = (v: string | undefined, d: number) => (v && Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : d);

/** AUDIT_MAX_BYTES: the largest batch body taken (16 MiB by default; the API server's own truncation caps a batch at 10 MB when on). */
export function auditMaxBytes(env: Record<string, string | undefined> = process.env): number {
  return num(env.AUDIT_MAX_BYTES, 16 * 1024 * 1024);
}
