// Thin adapters over identify() (identify.ts) for pages and route handlers: the request from
// next/headers, the cluster from the context cookie, and what a refusal looks like (a sign-in
// page, a 404, a 401/403). The proxy turns strangers away first; these check again, because a
// matcher change or a prefetch that skips the proxy must not open anything.
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { restrictToNamespaces } from '../../posture/view-filter';
import type { PostureDocument } from '../../posture/types';
import { knownClusters, requestCluster } from '../request-source';
import { authConfig } from './config';
import { identify, type Identity, type IdentifyOptions } from './identify';


export type Identified = Extract<Identity, { ok: true }>;

/** The current request, as identify() reads it. */
export async function currentRequest() {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return { headers: h, cookie: (name: string) => c.get(name)?.value };
}

/** identify() for the current request, about the cluster it is about (or `cluster`). */
export async function identifyRequest(opts: Partial<IdentifyOptions> = {}): Promise<Identity> {
  const [req, cluster] = await Promise.all([currentRequest(), opts.cluster ? Promise.resolve(opts.cluster) : requestCluster()]);
  return identify(req, { ...opts, cluster });
}

/** For pages: the identity, or off to /signin (which names the cluster to sign in to). */
export async function requirePageIdentity(opts: Partial<IdentifyOptions> = {}): Promise<Identified> {
  const who = await identifyRequest(opts);
  if (who.ok) return who;
  if (authConfig().mode === 'token') redirect('/signin');
  throw new Error(`not authenticated: ${who.reason}`);
}

/** For cluster-wide pages: 404 to anyone else, as for a missing page. */
export async function requireClusterIdentity(): Promise<Identified> {
  const who = await requirePageIdentity();
  if (!who.scope.clusterWide) notFound();
  return who;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The 401 a route sends; it names the cluster when the session is signed in elsewhere. */
export function unauthorized(who: Extract<Identity, { ok: false }>): Response {
  return Response.json({ error: who.reason, ...(who.signInFor !== undefined ? { signInFor: who.signInFor } : {}) }, { status: 401, headers: NO_STORE });
}

/** For route handlers: the identity, or the 401 to send. */
export async function routeIdentity(opts: Partial<IdentifyOptions> = {}): Promise<{ ok: true; identity: Identified } | { ok: false; response: Response }> {
  const who = await identifyRequest(opts);
  return who.ok ? { ok: true, identity: who } : { ok: false, response: unauthorized(who) };
}

/** For route handlers about the whole cluster: the identity, or the 401/403 to send. */
export async function clusterRouteIdentity(what = 'this view covers the whole cluster'): Promise<{ ok: true; identity: Identified } | { ok: false; response: Response }> {
  const r = await routeIdentity();
  if (!r.ok || r.identity.scope.clusterWide) return r;
  return { ok: false, response: Response.json({ error: `${what}; it needs cluster-wide access or an admin group` }, { status: 403, headers: NO_STORE }) };
}

/**
 * For the context picker: the identity on the request's cluster or, for a session signed in to
 * another one only, on that one, so a viewer can switch back to a cluster they may see.
 */
export async function routeIdentityOnAnyCluster(): Promise<{ ok: true; identity: Identified } | { ok: false; response: Response }> {
  const first = await routeIdentity();
  if (first.ok) return first;
  const req = await currentRequest();
  for (const cluster of knownClusters()) {
    const who = await identify(req, { cluster });
    if (who.ok) return { ok: true, identity: who };
  }
  return first;
}

/** The document as this identity may see it: whole for cluster-wide viewers, else their namespaces only. */
export function restrictFor(who: Identified, doc: PostureDocument): PostureDocument {
  return who.scope.clusterWide ? doc : restrictToNamespaces(doc, who.scope.namespaces);
}
