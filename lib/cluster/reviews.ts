// TokenReview and SubjectAccessReview: the API server says who a bearer token belongs to
// and what that identity may do. Both are POSTs that create nothing in the cluster.
import https from 'node:https';
import http from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { ApiError } from './api-client';
import { loadKubeConfig, type KubeconfigOptions } from './kubeconfig';

export interface ReviewedUser {
  username: string;
  groups: string[];
}

export interface AccessQuestion {
  user: string;
  groups: string[];
  verb: string;
  resource: string;
  /** API group of the resource; '' for core. */
  group?: string;
  /** Absent: may the user do this in every namespace (cluster scope)? */
  namespace?: string;
}

export interface Reviewer {
  /** The token's identity, or null when the API server does not authenticate it. */
  tokenReview(token: string): Promise<ReviewedUser | null>;
  subjectAccessReview(q: AccessQuestion): Promise<boolean>;
}

const TIMEOUT_MS = 10_000;

export function createReviewer(opts: KubeconfigOptions = {}): Reviewer {
  let kc: KubeConfig | null = null;
  const config = () => (kc ??= loadKubeConfig(opts));

  return {
    async tokenReview(token) {
      const res = (await postJson(config(), '/apis/authentication.k8s.io/v1/tokenreviews', {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'TokenReview',
        spec: { token },
      })) as { status?: { authenticated?: boolean; user?: { username?: unknown; groups?: unknown } } };
      const s = res.status;
      if (!s?.authenticated || typeof s.user?.username !== 'string' || s.user.username === '') return null;
      const groups = Array.isArray(s.user.groups) ? s.user.groups.filter((g): g is string => typeof g === 'string') : [];
      return { username: s.user.username, groups };
    },
    async subjectAccessReview(q) {
      const res = (await postJson(config(), '/apis/authorization.k8s.io/v1/subjectaccessreviews', {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SubjectAccessReview',
        spec: {
          user: q.user,
          groups: q.groups,
          resourceAttributes: { verb: q.verb, resource: q.resource, group: q.group ?? '', ...(q.namespace !== undefined ? { namespace: q.namespace } : {}) },
        },
      })) as { status?: { allowed?: boolean; denied?: boolean } };
      return res.status?.allowed === true && res.status.denied !== true;
    },
  };
}

async function postJson(kc: KubeConfig, path: string, body: unknown): Promise<unknown> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster in kubeconfig');
  const payload = JSON.stringify(body);
  const opts: https.RequestOptions = {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) },
  };
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(url, { ...opts, timeout: TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        // The body may echo the token back (TokenReview spec): never put it in an error message.
        if (status < 200 || status >= 300) return reject(new ApiError(status, path, `${status} on POST ${path}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new ApiError(status, path, `invalid JSON from POST ${path}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${TIMEOUT_MS} ms on POST ${path}`)));
    req.on('error', reject);
    req.end(payload);
  });
}
