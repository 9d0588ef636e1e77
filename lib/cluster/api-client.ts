// A minimal JSON GET client over the credentials client-node resolves (certificates, tokens,
// exec plugins). We read raw JSON rather than client-node's typed models so a live read and
// a file of the same objects give identical data.
import https from 'node:https';
import http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClient {
  server: string;
  getJson(path: string): Promise<unknown>;
  close(): void;
}

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export function createApiClient(kc: KubeConfig): ApiClient {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster in kubeconfig');
  const server = cluster.server.replace(/\/+$/, '');
  const isHttps = server.startsWith('https:');
  const agent = isHttps ? new https.Agent({ keepAlive: true, maxSockets: 8 }) : new http.Agent({ keepAlive: true, maxSockets: 8 });

  async function getJson(path: string): Promise<unknown> {
    // Credentials are applied per request: exec plugins and token files may rotate them.
    const opts: https.RequestOptions = { method: 'GET', headers: { Accept: 'application/json' } };
    await kc.applyToHTTPSOptions(opts);
    const url = new URL(server + path);
    return new Promise((resolve, reject) => {
      const req = (isHttps ? https : http).request(url, { ...opts, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(new Error(`response to ${path} exceeds ${MAX_BODY_BYTES} bytes`));
            return;
          }
          chunks.push(c);
        });
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(new ApiError(status, path, statusMessage(status, body, path)));
            return;
          }
          try {
            resolve(JSON.parse(body));
          } catch {
            reject(new ApiError(status, path, `invalid JSON from ${path}`));
          }
        });
      });
      req.on('timeout', () => req.destroy(new Error(`timeout after ${REQUEST_TIMEOUT_MS} ms on ${path}`)));
      req.on('error', reject);
      req.end();
    });
  }

  return { server, getJson, close: () => agent.destroy() };
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
