// The token-mode session cookie. It holds a session id (for revocation at sign-out), an expiry,
// and per cluster the identity TokenReview gave there, when it was last checked, and the
// viewer's token for the next check. The whole payload is sealed with AES-256-GCM under a key
// derived from AUTH_SESSION_SECRET: the token is readable by nobody but this server, never kept
// on the server, and any change to the cookie makes it fail to open. base64url(iv|tag|ciphertext).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Viewer } from './viewer-types';

/** What one cluster's TokenReview said, and when. */
export interface ClusterProof {
  u: string;
  g: string[];
  /** When TokenReview last vouched for the token on this cluster, ms since the epoch. */
  at: number;
  /** The bearer token, for the next TokenReview (AUTH_RECHECK). Absent in sessions made by tests. */
  t?: string;
}

export interface Session {
  v: 2;
  sid: string;
  /** Expiry, ms since the epoch. */
  exp: number;
  /** Cluster key (clusterOf().key) -> proof. A cluster not listed here needs its own sign-in. */
  c: Record<string, ClusterProof>;
}

/** Browsers drop cookies over 4096 bytes: past this, older clusters' proofs are let go. */
export const MAX_COOKIE_CHARS = 3800;

const keys = new WeakMap<Buffer, Buffer>();
function keyOf(secret: Buffer): Buffer {
  let k = keys.get(secret);
  if (!k) keys.set(secret, (k = Buffer.from(hkdfSync('sha256', secret, 'kube-posture', 'session cookie v2', 32))));
  return k;
}

export function sealSession(s: Session, secret: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(s), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function newSession(ttlMs: number, now = Date.now()): Session {
  return { v: 2, sid: randomUUID(), exp: now + ttlMs, c: {} };
}

/** The session with `cluster` proven (again); the oldest other proofs go if the cookie would grow too large. */
export function withProof(s: Session, cluster: string, proof: ClusterProof, secret: Buffer): Session {
  const next: Session = { ...s, c: { ...s.c, [cluster]: proof } };
  const others = Object.keys(next.c)
    .filter((k) => k !== cluster)
    .sort((a, b) => next.c[a]!.at - next.c[b]!.at);
  while (others.length && sealSession(next, secret).length > MAX_COOKIE_CHARS) delete next.c[others.shift()!];
  return next;
}

/** For tests and callers that have one identity: a session proven for `cluster` ('' when the cluster does not matter). */
export function createSession(viewer: Viewer, secret: Buffer, ttlMs: number, now = Date.now(), proof: { cluster?: string; token?: string } = {}): string {
  const s = newSession(ttlMs, now);
  s.c[proof.cluster ?? ''] = { u: viewer.user, g: viewer.groups, at: now, ...(proof.token ? { t: proof.token } : {}) };
  return sealSession(s, secret);
}

export type SessionCheck = { ok: true; session: Session; expiresAt: number } | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

export function verifySession(cookie: string | undefined, secret: Buffer, now = Date.now()): SessionCheck {
  if (!cookie) return { ok: false, reason: 'missing' };
  const raw = Buffer.from(cookie, 'base64url');
  if (raw.length < 12 + 16 + 2) return { ok: false, reason: 'malformed' };
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return { ok: false, reason: 'bad-signature' }; // edited, truncated, or sealed with another key
  }
  let p: Session;
  try {
    p = JSON.parse(text) as Session;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (p?.v !== 2 || typeof p.sid !== 'string' || typeof p.exp !== 'number' || typeof p.c !== 'object' || p.c === null) return { ok: false, reason: 'malformed' };
  if (p.exp <= now) return { ok: false, reason: 'expired' };
  const c: Record<string, ClusterProof> = {};
  for (const [k, v] of Object.entries(p.c)) {
    if (typeof v?.u !== 'string' || !Array.isArray(v.g) || typeof v.at !== 'number') return { ok: false, reason: 'malformed' };
    c[k] = { u: v.u, g: v.g.filter((x): x is string => typeof x === 'string'), at: v.at, ...(typeof v.t === 'string' ? { t: v.t } : {}) };
  }
  return { ok: true, session: { v: 2, sid: p.sid, exp: p.exp, c }, expiresAt: p.exp };
}

export const proofViewer = (p: ClusterProof): Viewer => ({ user: p.u, groups: p.g });
