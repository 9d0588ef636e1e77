// A minimal JSON GET client over the credentials client-node resolves (certificates, tokens,
// exec plugins). We read raw JSON rather than client-node's typed models so a live read and
// a file of the same objects give identical data.
import https from 'node:https';
import http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, withRetries, type Failure, type RetryPolicy } from './retry';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
    /** From a 429's Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request failed below HTTP: a reset connection, a cut-off or invalid body, a timeout. */
export class TransportError extends Error {
  constructor(
    readonly kind: 'reset' | 'invalid-json' | 'timeout' | 'too-large' | 'other',
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface ApiClientOptions {
  /** Per attempt, whole response included; default POSTURE_REQUEST_TIMEOUT_MS or 15 s. */
  timeoutMs?: number;
  retryPolicy?: RetryPolicy;
  /** Injected by tests to skip real waiting. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (e: unknown, attempt: number, delayMs: number) => void;
}

/** How retrying sees an error from getJson. Timeouts are not retried: one hung request already took the whole timeout. */
export function classifyFailure(e: unknown): Failure {
  if (e instanceof ApiError) return { type: 'status', status: e.status, retryAfterSeconds: e.retryAfterSeconds };
  if (e instanceof TransportError) return e.kind === 'reset' || e.kind === 'invalid-json' ? { type: 'transient' } : { type: 'fatal' };
  return { type: 'fatal' };
}

export function requestTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.POSTURE_REQUEST_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? n : 15_000;
}

export interface ApiClient {
  server: string;
  /** `accept` overrides the Accept header, e.g. to ask for metadata only. */
  getJson(path: string, accept?: string): Promise<unknown>;
  close(): void;
}

const MAX_BODY_BYTES = 512 * 1024 * 1024;

export function createApiClient(kc: KubeConfig, options: ApiClientOptions = {}): ApiClient {
  const timeoutMs = options.timeoutMs ?? requestTimeoutMs();
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster in kubeconfig');
  const server = cluster.server.replace(/\/+$/, '');
  const isHttps = server.startsWith('https:');
  const agent = isHttps ? new https.Agent({ keepAlive: true, maxSockets: 8 }) : new http.Agent({ keepAlive: true, maxSockets: 8 });

  function getJson(path: string, accept = 'application/json'): Promise<unknown> {
    return withRetries(() => getJsonOnce(path, accept), {
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      random: options.random ?? Math.random,
      policy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
      classify: classifyFailure,
      onRetry: options.onRetry,
    });
  }

  async function getJsonOnce(path: string, accept: string): Promise<unknown> {
    // Credentials are applied per request: exec plugins and token files may rotate them.
    const opts: https.RequestOptions = { method: 'GET', headers: { Accept: accept } };
    await kc.applyToHTTPSOptions(opts);
    const url = new URL(server + path);
    return new Promise((resolve, reject) => {
      // A deadline for the whole exchange: a server that trickles bytes never trips an idle timeout.
      const timer = setTimeout(() => req.destroy(new TransportError('timeout', path, `no complete answer to ${path} within ${timeoutMs} ms`)), timeoutMs);
      const fail = (e: Error) => {
        clearTimeout(timer);
        reject(e instanceof ApiError || e instanceof TransportError ? e : transportError(e, path));
      };
      const req = (isHttps ? https : http).request(url, { ...opts, agent }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(new TransportError('too-large', path, `response to ${path} exceeds ${MAX_BODY_BYTES} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('error', fail);
        res.on('end', () => {
          clearTimeout(timer);
          const body = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            const retryAfter = status === 429 ? parseRetryAfter(header(res.headers['retry-after']), Date.now()) : undefined;
            reject(new ApiError(status, path, statusMessage(status, body, path), retryAfter));
            return;
          }
          if (nestsDeeperThan(body)) {
            reject(new TransportError('other', path, `JSON from ${path} nests deeper than ${MAX_JSON_DEPTH} levels; refused`));
            return;
          }
          try {
            resolve(JSON.parse(body));
          } catch {
            reject(new TransportError('invalid-json', path, `invalid or cut-off JSON from ${path} (${size} bytes)`));
          }
        });
      });
      req.on('error', fail);
      req.end();
    });
  }

  return { server, getJson, close: () => agent.destroy() };
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function transportError(e: Error, path: string): TransportError {
  const code = (e as NodeJS.ErrnoException).code;
  // A reset or a response cut off mid-body ('aborted', 'socket hang up') is worth another try.
  const reset = code === 'ECONNRESET' || code === 'EPIPE' || /aborted|socket hang up/i.test(e.message);
  return new TransportError(reset ? 'reset' : 'other', path, `${reset ? 'connection reset' : 'request failed'} on ${path}: ${e.message}`);
}

function statusMessage(status: number, body: string, path: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return `${status} on ${path}: ${parsed.message}`;
  } catch {
    // not a Status object; fall through
  }
  return `${status} on ${path}`;
}
