// "Who is this, and what may they see of this cluster": the one question every page, route and
// loader asks, answered here and nowhere else. The page and route adapters (guard.ts) and the
// snapshot gate (lib/server/snapshot-access.ts) are thin wrappers over identify().
//
//   1. authenticate() (pure): the session cookie or the proxy's headers; in token mode only the
//      identity proven on THIS cluster counts; a session proven on another must sign in again.
//   2. a signed-out session id is refused (revocation.ts);
//   3. a token session older than AUTH_RECHECK is checked again with TokenReview on this
//      cluster: a refused token ends the session, changed groups take effect at once;
//   4. RBAC on this cluster (access.ts): cluster-wide, or which namespaces.
import { createReviewer, type Reviewer } from '../../cluster/reviews';
import type { SourceSpec } from '../../cluster/source';
import { sourceKey, type ClusterRef } from '../request-source';
import { appStore } from '../snapshot-store';
import { createAccessChecker, type AccessChecker, type ViewerScope } from './access';
import { authenticate, type HeaderSource } from './authenticate';
import { authConfig, type AuthConfig } from './config';
import { createRevocations, type Revocations } from './revocation';
import { proofViewer, type Session } from './session';
import type { Viewer } from './viewer-types';

/** What identify() needs of a request: its headers and cookies. */
export interface RequestLike {
  headers: HeaderSource;
  cookie(name: string): string | undefined;
}

export interface IdentifyOptions {
  /** The cluster the request is about (requestCluster()). */
  cluster: ClusterRef;
  /**
   * The namespaces to ask RBAC about when the viewer is not cluster-wide. Called only after the
   * caller is authenticated, so nothing (a scan) starts for a stranger.
   */
  namespaces?: () => Promise<readonly string[]>;
}

export type Identity =
  | { ok: true; viewer: Viewer | null; cluster: ClusterRef; scope: ViewerScope }
  | { ok: false; status: 401; reason: string; /** signed in, but not to this cluster (its display name) */ signInFor?: string };

export interface IdentifyDeps {
  config: AuthConfig;
  reviewerFor(spec: SourceSpec): Reviewer | null;
  access: AccessChecker;
  revocations: Revocations;
  rechecks: RecheckCache;
  now(): number;
}

export async function identify(req: RequestLike, opts: IdentifyOptions, deps: IdentifyDeps = serverIdentifyDeps()): Promise<Identity> {
  const { config } = deps;
  const { cluster } = opts;
  const auth = authenticate(config, req.headers, req.cookie(config.session.cookie), deps.now(), { cluster: cluster.key });
  if (!auth.ok) return { ok: false, status: 401, reason: auth.reason, ...(auth.signInFor !== undefined ? { signInFor: cluster.name } : {}) };
  let viewer = auth.viewer;
  if (auth.session) {
    if (await deps.revocations.isRevoked(auth.session.sid)) return { ok: false, status: 401, reason: 'signed out' };
    const current = await recheck(auth.session, cluster, deps);
    if (!current.ok) return current;
    viewer = current.viewer;
  }
  const reviewer = deps.reviewerFor(cluster.spec);
  const whole = await deps.access.scope(viewer, [], reviewer, cluster.key);
  if (whole.clusterWide || !opts.namespaces) return { ok: true, viewer, cluster, scope: whole };
  return { ok: true, viewer, cluster, scope: await deps.access.scope(viewer, await opts.namespaces(), reviewer, cluster.key) };
}

/** The last TokenReview per session and cluster, so one page's dozen requests ask once. Identities only, never tokens. */
export interface RecheckCache {
  get(key: string): { at: number; viewer: Viewer } | Promise<Viewer | null> | undefined;
  set(key: string, v: { at: number; viewer: Viewer } | Promise<Viewer | null>): void;
  delete(key: string): void;
}

export function createRecheckCache(max = 10_000): RecheckCache {
  const m = new Map<string, { at: number; viewer: Viewer } | Promise<Viewer | null>>();
  return {
    get: (k) => m.get(k),
    set(k, v) {
      m.delete(k);
      if (m.size >= max) m.delete(m.keys().next().value!); // the oldest
      m.set(k, v);
    },
    delete: (k) => void m.delete(k),
  };
}

type Recheck = { ok: true; viewer: Viewer } | { ok: false; status: 401; reason: string };

async function recheck(session: Session, cluster: ClusterRef, deps: IdentifyDeps): Promise<Recheck> {
  const proof = session.c[cluster.key]!;
  const now = deps.now();
  const every = deps.config.session.recheckMs;
  if (now - proof.at < every) return { ok: true, viewer: proofViewer(proof) };
  const key = `${session.sid}|${cluster.key}`;
  const hit = deps.rechecks.get(key);
  if (hit && !(hit instanceof Promise) && now - hit.at < every) return { ok: true, viewer: hit.viewer };
  const ended = async (reason: string): Promise<Recheck> => {
    await deps.revocations.revoke(session.sid, session.exp);
    return { ok: false, status: 401, reason };
  };
  const reviewer = deps.reviewerFor(cluster.spec);
  if (!proof.t || !reviewer) return ended('session ended: it cannot be checked again');
  let pending = hit instanceof Promise ? hit : undefined;
  if (!pending) {
    pending = reviewer.tokenReview(proof.t).then((u) => (u ? { user: u.username, groups: u.groups } : null));
    deps.rechecks.set(key, pending);
  }
  let current: Viewer | null;
  try {
    current = await pending;
  } catch (e) {
    deps.rechecks.delete(key);
    // Fail closed, but do not end the session over an outage: the next request asks again. No token in the log.
    console.error(`[auth] TokenReview re-check failed: ${(e as Error).message}`);
    return { ok: false, status: 401, reason: 'the cluster could not check the session again; try again shortly' };
  }
  if (!current || current.user !== proof.u) {
    deps.rechecks.delete(key);
    return ended('session ended: the cluster no longer accepts its token');
  }
  deps.rechecks.set(key, { at: now, viewer: current });
  return { ok: true, viewer: current };
}

const g = globalThis as typeof globalThis & {
  __kpAccess?: AccessChecker;
  __kpReviewers?: Map<string, Reviewer>;
  __kpRevocations?: Revocations;
  __kpRechecks?: RecheckCache;
};

/** The reviewer for a live source's cluster; null for the demo and manifest folders. */
export function reviewerFor(spec: SourceSpec): Reviewer | null {
  if (spec.kind !== 'live') return null;
  const reviewers = (g.__kpReviewers ??= new Map());
  const key = sourceKey(spec);
  let r = reviewers.get(key);
  if (!r) reviewers.set(key, (r = createReviewer({ kubeconfig: spec.kubeconfig, context: spec.context })));
  return r;
}

/** Signed-out sessions of this server (store-backed). */
export function serverRevocations(): Revocations {
  return (g.__kpRevocations ??= createRevocations(() => appStore().get()));
}

/** The server's dependencies: one access cache, one revocation list and one re-check cache per process. */
export function serverIdentifyDeps(): IdentifyDeps {
  const config = authConfig();
  return {
    config,
    reviewerFor,
    access: (g.__kpAccess ??= createAccessChecker(config)),
    revocations: serverRevocations(),
    rechecks: (g.__kpRechecks ??= createRecheckCache()),
    now: Date.now,
  };
}
