// The token-mode session cookie: the viewer's identity (never their token) and an expiry,
// signed with HMAC-SHA256. `payload.signature`, both base64url.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Viewer } from './viewer-types';

interface SessionPayload {
  u: string;
  g: string[];
  /** Expiry, ms since the epoch. */
  exp: number;
}

function sign(payload: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function createSession(viewer: Viewer, secret: Buffer, ttlMs: number, now = Date.now()): string {
  const payload: SessionPayload = { u: viewer.user, g: viewer.groups, exp: now + ttlMs };
  const encoded = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${encoded}.${sign(encoded, secret)}`;
}

export type SessionCheck = { ok: true; viewer: Viewer; expiresAt: number } | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

export function verifySession(cookie: string | undefined, secret: Buffer, now = Date.now()): SessionCheck {
  if (!cookie) return { ok: false, reason: 'missing' };
  const dot = cookie.indexOf('.');
  if (dot <= 0) return { ok: false, reason: 'malformed' };
  const encoded = cookie.slice(0, dot);
  const given = Buffer.from(cookie.slice(dot + 1), 'base64url');
  const expected = Buffer.from(sign(encoded, secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let p: SessionPayload;
  try {
    p = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as SessionPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof p.u !== 'string' || !Array.isArray(p.g) || typeof p.exp !== 'number') return { ok: false, reason: 'malformed' };
  if (p.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, viewer: { user: p.u, groups: p.g.filter((x): x is string => typeof x === 'string') }, expiresAt: p.exp };
}
