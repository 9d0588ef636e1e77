// Switchable faults for the fake API server, so tests can show what the dashboard does
// when a real cluster misbehaves. All off by default.
import { StatusError, forbidden, statusBody, unauthorized } from './status';

/**
 * A fault that hits requests for some resources. `times` counts per request path (so a
 * burst of 2 fails the first two requests to each list); absent, it hits every request.
 */
export interface FaultBurst {
  times?: number;
  /** Resource plurals it applies to ("pods"); absent, every path including /version. */
  resources?: string[];
}

export interface Faults {
  /** Resource plurals (e.g. "secrets", "networkpolicies") answered with 403 Forbidden. */
  forbidden?: string[];
  /** Added to every response, in milliseconds. */
  latencyMs?: number;
  /** The server accepts connections and never answers (a hung control plane). */
  hang?: boolean;
  /** Like `hang`, for chosen requests only (say the lists, while /version still answers). */
  hangRequests?: FaultBurst;
  /** 401 Unauthorized although the token is right (it expired mid-scan). */
  unauthorized?: FaultBurst;
  /** 500 InternalError. */
  serverError?: FaultBurst;
  /** 429 TooManyRequests with Retry-After, as API priority and fairness answers. */
  throttle?: FaultBurst & { retryAfterSeconds?: number };
  /** 410 Expired for a request that carries a `continue` token (compaction passed it). */
  expireContinue?: FaultBurst;
  /** Sends the headers and half the body, then resets the connection. */
  resetMidBody?: FaultBurst;
  /** Sends half the body and ends the response cleanly: JSON that stops mid-way. */
  truncateBody?: FaultBurst;
  /** Ends watch streams opened while it is on (watch.ts; `times` counts watch requests). */
  dropWatches?: FaultBurst & WatchDrop;
  /**
   * Answers a watch that carries a resourceVersion (a re-watch) with 410 Expired: an ERROR event in
   * a 200 stream (`as: 'event'`, the default; etcd-backed watches) or an HTTP 410 (`as: 'status'`; the watch cache).
   */
  expireWatch?: FaultBurst & { as?: 'event' | 'status' };
}

/** When and how a watch stream ends. Bookmarks do not count as events. */
export interface WatchDrop {
  /** The stream carries this many ADDED/MODIFIED/DELETED events in whole. */
  afterEvents?: number;
  /** The stream lasts this long. */
  afterMs?: number;
  /** false (default): the response ends cleanly. true: the next event (or a bookmark, on `afterMs`) is cut mid-chunk and the socket destroyed. */
  abrupt?: boolean;
}

/** What the server does to one watch request. */
export type WatchFault = { type: 'expire'; as: 'event' | 'status'; status: StatusError } | { type: 'drop'; drop: WatchDrop } | null;

/** What the server does to one request instead of (or to) its normal answer. */
export type Injected =
  { type: 'status'; status: StatusError; headers?: Record<string, string> } | { type: 'reset' } | { type: 'hang' } | { type: 'truncate' } | null;

/** The resource plural a path names, or null for /version, discovery and the like. */
export function pluralOf(pathname: string): string | null {
  const segments = pathname.split('/').filter(Boolean);
  if (segments[0] !== 'api' && segments[0] !== 'apis') return null;
  // /api/v1/<r>, /api/v1/namespaces/<ns>/<r>, /apis/<g>/<v>/<r>, /apis/<g>/<v>/namespaces/<ns>/<r>
  const tail = segments[0] === 'api' ? segments.slice(2) : segments.slice(3);
  return (tail[0] === 'namespaces' && tail.length >= 3 ? tail[2] : tail[0]) ?? null;
}

/** The 403 a request gets under these faults, or null when it may proceed. */
export function forbiddenFault(faults: Faults, pathname: string): StatusError | null {
  if (!faults.forbidden?.length) return null;
  const plural = pluralOf(pathname);
  if (!plural || !faults.forbidden.includes(plural)) return null;
  // A bare plural names the built-in kind: Calico's crd.projectcalico.org "networkpolicies" is another resource.
  const group = /^\/apis\/([^/]+)\//.exec(pathname)?.[1];
  if (group && group.includes('.') && !group.endsWith('.k8s.io')) return null;
  return forbidden(`${plural} is forbidden: User "kube-posture" cannot list resource "${plural}" at the cluster scope`);
}

/**
 * Picks the fault (if any) for one request and counts it. `hits` holds the per-path counts
 * and is cleared whenever the faults change.
 */
export function injectFault(faults: Faults, hits: Map<string, number>, pathname: string, hasContinue: boolean): Injected {
  const applies = (name: keyof Faults, burst: FaultBurst | undefined): boolean => burstApplies(hits, name, burst, pathname);
  if (hasContinue && applies('expireContinue', faults.expireContinue)) {
    return {
      type: 'status',
      status: new StatusError(
        410,
        'Expired',
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      ),
    };
  }
  if (applies('hangRequests', faults.hangRequests)) return { type: 'hang' };
  if (applies('unauthorized', faults.unauthorized)) return { type: 'status', status: unauthorized() };
  if (applies('throttle', faults.throttle)) {
    const seconds = faults.throttle?.retryAfterSeconds ?? 1;
    return {
      type: 'status',
      status: new StatusError(429, 'TooManyRequests', 'Too many requests, please try again later.'),
      headers: { 'Retry-After': String(seconds) },
    };
  }
  if (applies('serverError', faults.serverError)) {
    return { type: 'status', status: new StatusError(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out') };
  }
  if (applies('resetMidBody', faults.resetMidBody)) return { type: 'reset' };
  if (applies('truncateBody', faults.truncateBody)) return { type: 'truncate' };
  return null;
}

export function statusJson(status: StatusError): string {
  return JSON.stringify(statusBody(status));
}

/** Picks the watch fault (if any) for one watch request and counts it, like injectFault. */
export function injectWatchFault(faults: Faults, hits: Map<string, number>, pathname: string, resourceVersion: string | null): WatchFault {
  const rewatch = resourceVersion !== null && resourceVersion !== '' && resourceVersion !== '0';
  if (rewatch && burstApplies(hits, 'expireWatch', faults.expireWatch, pathname)) {
    return { type: 'expire', as: faults.expireWatch?.as ?? 'event', status: new StatusError(410, 'Expired', `too old resource version: ${resourceVersion}`) };
  }
  if (burstApplies(hits, 'dropWatches', faults.dropWatches, pathname)) {
    const { afterEvents, afterMs, abrupt } = faults.dropWatches!;
    return { type: 'drop', drop: { afterEvents, afterMs, abrupt } };
  }
  return null;
}

function burstApplies(hits: Map<string, number>, name: keyof Faults, burst: FaultBurst | undefined, pathname: string): boolean {
  if (!burst) return false;
  const plural = pluralOf(pathname);
  if (burst.resources && !(plural && burst.resources.includes(plural))) return false;
  const key = `${name} ${pathname}`;
  const n = hits.get(key) ?? 0;
  if (burst.times !== undefined && n >= burst.times) return false;
  hits.set(key, n + 1);
  return true;
}
