// How much body a request may carry, decided from its headers before any of it is read: the
// framework buffers bodies (up to proxyClientMaxBodySize) before proxy.ts or a route can refuse.
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { MAX_IMPORT_BYTES } from '../../snapshots/validate';
import { SMALL_BODY_BYTES } from '../route-input';
import { bearerIngestToken } from '../../fleet/tokens';
import { AUDIT_WEBHOOK_PATH, auditMaxBytes, auditTokenMatches } from '../audit-token';

/** A snapshot import and an agent's report may be 20 MiB; every other body is a small JSON or form (16 KiB). */
export function bodyLimit(method: string | undefined, pathname: string, env: Record<string, string | undefined> = process.env): number {
  if (method === 'POST' && pathname === AUDIT_WEBHOOK_PATH) return auditMaxBytes(env);
  return method === 'POST' && (pathname === '/api/snapshots/import' || pathname === FLEET_INGEST_PATH) ? MAX_IMPORT_BYTES : SMALL_BODY_BYTES;
}

const FLEET_INGEST_PATH = '/api/fleet/ingest';

/**
 * Only sign-in takes a body from someone not yet authenticated, and an agent's report that
 * carries an ingest token's shape (the route checks the token itself before reading the body).
 */
export function acceptsAnonymousBody(method: string | undefined, pathname: string, authorization?: string, env: Record<string, string | undefined> = process.env): boolean {
  if (method !== 'POST') return false;
  // The API server's audit batches: only with the webhook's own token (an API server has no session).
  if (pathname === AUDIT_WEBHOOK_PATH) return auditTokenMatches(authorization, env.POSTURE_AUDIT_TOKEN);
  return pathname === '/api/auth/signin' || (pathname === FLEET_INGEST_PATH && bearerIngestToken(authorization) !== null);
}

/** Whether a body follows, and its declared length (null: chunked, counted as it arrives). */
export function declaredBody(headers: IncomingHttpHeaders): { present: boolean; length: number | null } {
  if (headers['transfer-encoding'] !== undefined) return { present: true, length: null };
  const length = Number(headers['content-length'] ?? 0);
  return { present: length > 0, length };
}

/** Counts a chunked body as the parser hands it over; past `limit`, nothing more is kept and onOver runs once. */
export function limitStreamedBody(req: IncomingMessage, limit: number, onOver: () => void): void {
  const push = req.push;
  let seen = 0;
  req.push = function (chunk: unknown, encoding?: BufferEncoding) {
    if (chunk != null && seen <= limit) {
      seen += (chunk as { length: number }).length;
      if (seen > limit) onOver();
    }
    // Returning false pauses the socket: the rest of an oversized body is never read.
    return seen > limit ? false : push.call(this, chunk, encoding);
  };
}
