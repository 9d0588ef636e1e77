// The one place pages and API routes learn who is asking and what they may see. proxy.ts
// turns unauthenticated requests away first; this checks again, because a matcher change or
// a prefetch that skips the proxy must not open a page.
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { createReviewer, type Reviewer } from '../../cluster/reviews';
import type { SourceSpec } from '../../cluster/source';
import { restrictToNamespaces } from '../../posture/view-filter';
import type { PostureDocument } from '../../posture/types';
import { requestSource, sourceKey } from '../request-source';
import { createAccessChecker, type AccessChecker, type ViewerScope } from './access';
import { authenticate, type AuthResult } from './authenticate';
import { authConfig } from './config';
import type { Viewer } from './viewer-types';
import { NO_STORE } from '../api-responses';

const g = globalThis as typeof globalThis & { __kpAccess?: AccessChecker; __kpReviewers?: Map<string, Reviewer> };

/** The reviewer for a live source's cluster; null for the demo and manifest folders. */
export function reviewerFor(spec: SourceSpec): Reviewer | null {
  if (spec.kind !== 'live') return null;
  const reviewers = (g.__kpReviewers ??= new Map());
  const key = sourceKey(spec);
  let r = reviewers.get(key);
  if (!r) reviewers.set(key, (r = createReviewer({ kubeconfig: spec.kubeconfig, context: spec.context })));
  return r;
}

export async function currentAuth(): Promise<AuthResult> {
  const config = authConfig();
  const [h, c] = await Promise.all([headers(), cookies()]);
  return authenticate(config, h, c.get(config.session.cookie)?.value);
}

/** For pages: the viewer (null with AUTH_MODE=none), or off to /signin. */
export async function requireViewer(): Promise<Viewer | null> {
  const auth = await currentAuth();
  if (auth.ok) return auth.viewer;
  if (authConfig().mode === 'token') redirect('/signin');
  throw new Error(`not authenticated: ${auth.reason}`);
}

/** For route handlers: the viewer, or the 401 to send. */
export async function routeViewer(): Promise<{ ok: true; viewer: Viewer | null } | { ok: false; response: Response }> {
  const auth = await currentAuth();
  if (auth.ok) return auth;
  return { ok: false, response: Response.json({ error: auth.reason }, { status: 401, headers: NO_STORE }) };
}

export async function scopeFor(viewer: Viewer | null, namespaces: readonly string[]): Promise<ViewerScope> {
  const spec = await requestSource();
  const checker = (g.__kpAccess ??= createAccessChecker(authConfig()));
  return checker.scope(viewer, namespaces, reviewerFor(spec), sourceKey(spec));
}

/** The document as this viewer may see it: whole for cluster-wide viewers, else their namespaces only. */
export async function restrictForViewer(viewer: Viewer | null, doc: PostureDocument): Promise<PostureDocument> {
  const scope = await scopeFor(
    viewer,
    doc.namespaces.map((n) => n.name),
  );
  return scope.clusterWide ? doc : restrictToNamespaces(doc, scope.namespaces);
}

/** For cluster-wide pages and routes: true when the viewer may see the whole cluster. */
export async function mayViewCluster(viewer: Viewer | null): Promise<boolean> {
  return (await scopeFor(viewer, [])).clusterWide;
}

/** For cluster-wide pages (snapshots hold the whole cluster's document): 404 to anyone else, as for a missing page. */
export async function requireClusterViewer(): Promise<Viewer | null> {
  const viewer = await requireViewer();
  if (!(await mayViewCluster(viewer))) notFound();
  return viewer;
}
