// A fake Kubernetes API server over HTTPS: bearer-token auth, discovery, list/get with
// pagination and selectors, Table output. Enough for kubectl and our live reader; read-only.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { K8sObject } from '../../lib/cluster/types';
import { forbiddenFault, injectFault, injectWatchFault, type Faults } from './faults';
import { writeKubeconfigFile } from './kubeconfig';
import { isReviewPath, review, type ReviewConfig } from './reviews';
import { route, type ApiResponse } from './routes';
import { StatusError, badRequest, statusBody, unauthorized } from './status';
import { buildStore, type Store } from './store';
import { generateServerTls } from './tls';
import { WatchHub, type WatchHubOptions } from './watch';

export interface FakeClusterOptions {
  objects: readonly K8sObject[];
  /** 0 (default) picks a free port. */
  port?: number;
  /** Bearer token clients must send; random when absent. */
  token?: string;
  /** Reported by /version. The gcloud kubectl dispatcher picks its kubectl by this minor version. */
  version?: string;
  /** false serves only legacy discovery, to exercise clients' fallback from aggregated discovery. */
  aggregatedDiscovery?: boolean;
  /** Called after every response; tests count requests with it. */
  onRequest?: (record: RequestRecord) => void;
  /** Faults switched on from the start; setFaults changes them. */
  faults?: Faults;
  /** Tokens TokenReview accepts and rules SubjectAccessReview allows; none by default. */
  reviews?: ReviewConfig;
  /** Watch event-log size and bookmark interval (watch.ts). */
  watch?: WatchHubOptions;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  accept: string | undefined;
  status: number;
}

export interface FakeCluster {
  url: string;
  caPem: string;
  token: string;
  /** The last file writeKubeconfig wrote. */
  kubeconfigPath?: string;
  /** Objects of kinds nothing serves (no built-in kind, no CRD among the objects). */
  unserved: K8sObject[];
  writeKubeconfig(file: string): Promise<void>;
  /** Replaces every object; lists then carry a newer resourceVersion and old continue tokens expire. */
  setObjects(objects: readonly K8sObject[]): void;
  /** Creates or replaces one object: bumps the resourceVersion and tells open watches (ADDED/MODIFIED). */
  applyObject(obj: K8sObject): K8sObject;
  /** Deletes one object (DELETED to open watches); false when it did not exist. */
  deleteObject(kind: string, namespace: string | undefined, name: string): boolean;
  /** How many watches are streaming right now. */
  openWatches(): number;
  /** Replaces the switched-on faults ({} turns them all off). */
  setFaults(faults: Faults): void;
  /** Replaces the TokenReview users and SubjectAccessReview rules. */
  setReviews(reviews: ReviewConfig): void;
  close(): Promise<void>;
}

export const DEFAULT_VERSION = 'v1.32.4';
const HOST = '127.0.0.1';

export async function startFakeCluster(opts: FakeClusterOptions): Promise<FakeCluster> {
  const tls = await generateServerTls();
  const token = opts.token ?? randomBytes(24).toString('hex');
  const expected = Buffer.from(`Bearer ${token}`);
  let store: Store = buildStore(opts.objects);
  const watches = new WatchHub(store, opts.watch);
  let serverAddress = '';
  let faults: Faults = opts.faults ?? {};
  const faultHits = new Map<string, number>();
  let reviews: ReviewConfig = opts.reviews ?? { users: {}, rules: [] };

  const server = https.createServer({ key: tls.keyPem, cert: tls.certPem }, async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fake-cluster');
    if (faults.hang) return; // never answers; the client's timeout has to notice
    if (faults.latencyMs) await new Promise((r) => setTimeout(r, faults.latencyMs));
    let response: ApiResponse;
    let injected: ReturnType<typeof injectFault> = null;
    let extraHeaders: Record<string, string> = {};
    try {
      if (!authorized(req.headers.authorization, expected)) throw unauthorized();
      const denied = forbiddenFault(faults, url.pathname);
      if (denied) throw denied;
      injected = injectFault(faults, faultHits, url.pathname, url.searchParams.has('continue'));
      if (injected?.type === 'hang') return; // this request is never answered
      if (injected?.type === 'status') {
        extraHeaders = injected.headers ?? {};
        throw injected.status;
      }
      // The only POSTs served: reviews answer a question and store nothing.
      if (isReviewPath(url.pathname))
        response = {
          status: 201,
          contentType: 'application/json',
          body: JSON.stringify(review(req.method ?? 'GET', url.pathname, await readBody(req), reviews)),
        };
      else
        response = route(req.method ?? 'GET', url, req.headers.accept, {
          store,
          gitVersion: opts.version ?? DEFAULT_VERSION,
          serverAddress,
          aggregatedDiscovery: opts.aggregatedDiscovery ?? true,
        });
    } catch (e) {
      response = errorResponse(e);
    }
    const watchFault = response.watch ? injectWatchFault(faults, faultHits, url.pathname, response.watch.resourceVersion) : null;
    if (watchFault?.type === 'expire' && watchFault.as === 'status') response = errorResponse(watchFault.status);
    if (response.watch) {
      watches.serve(response.watch, res, { 'Cache-Control': 'no-cache, private', ...extraHeaders }, watchFault);
      opts.onRequest?.({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), accept: req.headers.accept, status: 200 });
      return;
    }
    res.writeHead(response.status, { 'Content-Type': response.contentType, 'Cache-Control': 'no-cache, private', ...extraHeaders });
    if (injected?.type === 'reset' || injected?.type === 'truncate') {
      // Half the body, flushed; then either a reset connection or a clean end of a cut-off document.
      const body = Buffer.from(response.body);
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => (injected?.type === 'reset' ? req.socket.destroy() : res.end()));
    } else res.end(response.body);
    opts.onRequest?.({
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      accept: req.headers.accept,
      status: response.status,
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  serverAddress = `${HOST}:${port}`;
  const url = `https://${serverAddress}`;

  const cluster: FakeCluster = {
    url,
    caPem: tls.caPem,
    token,
    unserved: store.unserved,
    async writeKubeconfig(file) {
      await writeKubeconfigFile(file, { server: url, caPem: tls.caPem, token });
      cluster.kubeconfigPath = file;
    },
    setObjects(objects) {
      store = buildStore(objects, Number(store.resourceVersion) || 0);
      cluster.unserved = store.unserved;
      watches.reset(store);
    },
    applyObject: (obj) => watches.apply(obj),
    deleteObject: (kind, namespace, name) => watches.delete(kind, namespace, name),
    openWatches() {
      return watches.openWatches;
    },
    setFaults(next) {
      faults = { ...next };
      faultHits.clear();
    },
    setReviews(next) {
      reviews = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        watches.closeAll();
        server.close((err) => (err ? reject(err) : resolve()));
        // kubectl and agents keep connections alive; without this close() waits for them.
        server.closeAllConnections();
      }),
  };
  return cluster;
}

async function readBody(req: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function authorized(header: string | undefined, expected: Buffer): boolean {
  if (!header) return false;
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function errorResponse(e: unknown): ApiResponse {
  const status =
    e instanceof StatusError
      ? e
      : e instanceof URIError
        ? badRequest(`malformed path: ${e.message}`)
        : new StatusError(500, 'InternalError', `fake cluster: ${(e as Error).message}`);
  return { status: status.code, contentType: 'application/json', body: JSON.stringify(statusBody(status)) };
}
