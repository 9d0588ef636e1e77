// Test harness for the pen-test tests (issue 13): two fake API servers behind one kubeconfig
// with two contexts, and "browsers" that call the route handlers directly with their own cookie
// jar and client address, as the Next server would (next/headers answers from the jar). A test
// file mocks next/headers with `nextHeaders` and sets the environment with `useTwoClusters`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll } from 'vitest';
import type { K8sObject } from '../lib/cluster/types';
import { PEER_HEADER } from '../lib/server/auth/peer';
import type { ReviewConfig } from './fake-cluster/reviews';
import { startFakeCluster, type FakeCluster, type RequestRecord } from './fake-cluster/server';

export const ORIGIN = 'http://127.0.0.1:3200';

const ns = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (namespace: string, name: string, serviceAccountName = 'default'): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: { nodeName: 'node-1', serviceAccountName, containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { privileged: true } }] },
  status: { phase: 'Running' },
});
const CLUSTER_ROLE_BINDING: K8sObject[] = [
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'secret-reader' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }] } as K8sObject,
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'ci-reads-secrets' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'secret-reader' },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci-system' }],
  } as K8sObject,
];
const FALCO: K8sObject = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'falco-agent', namespace: 'falco-system' },
  spec: { selector: { matchLabels: { app: 'falco' } }, template: { metadata: { labels: { app: 'falco' } }, spec: { containers: [{ name: 'falco', image: 'falcosecurity/falco:0.38.0' }] } } },
};
/**
 * Each cluster: a namespace the payments team owns, others it does not, a cluster-wide grant
 * reaching them all, and a runtime-security tool whose evidence names its namespace. Every pod is
 * privileged on one node, where ci-system's deployer (who reads every Secret) also runs: an attack
 * path from payments leads through objects of other namespaces.
 */
export const OBJECTS: K8sObject[] = [
  ns('payments'),
  ns('legacy-crm'),
  ns('ci-system'),
  ns('falco-system'),
  pod('payments', 'api'),
  pod('legacy-crm', 'crm'),
  pod('ci-system', 'deployer', 'deployer'),
  { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } },
  FALCO,
  ...CLUSTER_ROLE_BINDING,
];

export const TOKENS = { pat: 'pat-token-0123456789', root: 'root-token-0123456789', nobody: 'nobody-token-0123456789' } as const;
const users = {
  [TOKENS.pat]: { username: 'pat@example.com', groups: ['payments-team'] },
  [TOKENS.root]: { username: 'root@example.com', groups: ['sre'] },
  [TOKENS.nobody]: { username: 'nobody@example.com', groups: ['contractors'] }, // may see no namespace
};
/** In A the payments team may list pods in payments only; in B everywhere. */
export const REVIEWS: Record<'a' | 'b', ReviewConfig> = {
  a: { users, rules: [{ group: 'payments-team', namespace: 'payments', verb: 'list', resource: 'pods' }] },
  b: { users, rules: [{ group: 'payments-team', namespace: '*', verb: 'list', resource: 'pods' }] },
};

export interface TwoClusters {
  a: FakeCluster;
  b: FakeCluster;
  /** Every request each fake server answered. */
  seen: Record<'a' | 'b', RequestRecord[]>;
  kubeconfig: string;
  close(): Promise<void>;
}

export async function startTwoClusters(): Promise<TwoClusters> {
  const seen: TwoClusters['seen'] = { a: [], b: [] };
  const [a, b] = await Promise.all(
    (['a', 'b'] as const).map((k) => startFakeCluster({ objects: OBJECTS, port: 0, reviews: REVIEWS[k], onRequest: (r) => seen[k].push(r) })),
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kp-two-clusters-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  const entry = (name: string, c: FakeCluster) => ({
    cluster: { name, cluster: { server: c.url, 'certificate-authority-data': Buffer.from(c.caPem).toString('base64') } },
    user: { name, user: { token: c.token } },
    context: { name, context: { cluster: name, user: name } },
  });
  const [ea, eb] = [entry('ctx-a', a!), entry('ctx-b', b!)];
  await writeFile(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [ea.cluster, eb.cluster],
      users: [ea.user, eb.user],
      contexts: [ea.context, eb.context],
      'current-context': 'ctx-a',
    }),
    { mode: 0o600 },
  );
  return { a: a!, b: b!, seen, kubeconfig, close: async () => void (await Promise.all([a!.close(), b!.close()])) };
}

/** The environment of a dashboard reading both clusters with AUTH_MODE=token. */
export function tokenModeEnv(kubeconfig: string, dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KUBECONFIG: kubeconfig,
    DATA_DIR: dataDir,
    AUTH_MODE: 'token',
    AUTH_SESSION_SECRET: 'pentest-session-secret-0123456789abcdef',
    AUTH_ADMIN_GROUPS: 'sre',
    POSTURE_WATCH: 'off',
    ...extra,
  };
}

/** A browser: a cookie jar and an address. */
export class Browser {
  readonly jar = new Map<string, string>();
  constructor(readonly address = '127.0.0.1') {}

  absorb(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (attrs.some((a) => /^max-age=0$/i.test(a)) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }

  headers(extra: Record<string, string> = {}): Headers {
    const h = new Headers({ [PEER_HEADER]: this.address, host: '127.0.0.1:3200', ...extra });
    if (this.jar.size) h.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    return h;
  }
}

const g = globalThis as typeof globalThis & { __kpTestBrowser?: Browser };

/** What next/headers answers with: the active browser's request. Use as vi.mock('next/headers', …). */
export const nextHeaders = {
  headers: async () => (g.__kpTestBrowser ?? new Browser()).headers(),
  cookies: async () => {
    const jar = (g.__kpTestBrowser ?? new Browser()).jar;
    return { get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) };
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route names its own params
type Handler = (req: Request, ctx: { params: Promise<any> }) => Response | Promise<Response>;

/** Calls a route handler as `browser` would reach it; cookies the answer sets go into its jar. */
export async function call(
  browser: Browser,
  handler: Handler,
  method: string,
  pathname: string,
  opts: { json?: unknown; form?: Record<string, string>; params?: Record<string, string> } = {},
): Promise<Response> {
  g.__kpTestBrowser = browser;
  const extra: Record<string, string> = {};
  let body: string | undefined;
  if (opts.json !== undefined) [extra['content-type'], body] = ['application/json', JSON.stringify(opts.json)];
  if (opts.form) [extra['content-type'], body] = ['application/x-www-form-urlencoded', new URLSearchParams(opts.form).toString()];
  const req = new Request(`${ORIGIN}${pathname}`, { method, headers: browser.headers(extra), body });
  return browser.absorb(await handler(req, { params: Promise.resolve(opts.params ?? {}) }));
}

/** Runs a page loader (a Server Component's data) as `browser`. */
export async function asBrowser<T>(browser: Browser, fn: () => Promise<T>): Promise<T> {
  g.__kpTestBrowser = browser;
  return fn();
}

/**
 * For a test file: both clusters up and the dashboard's environment set (AUTH_MODE=token, a
 * temporary store) before its tests, everything closed after. Returns the running clusters.
 */
export function useTwoClusters(prefix: string, env: Record<string, string> = {}): () => TwoClusters {
  let clusters: TwoClusters | undefined;
  let dataDir = '';
  beforeAll(async () => {
    clusters = await startTwoClusters();
    dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
    Object.assign(process.env, tokenModeEnv(clusters.kubeconfig, dataDir, env));
  }, 60_000);
  afterAll(async () => {
    await (await import('../lib/server/snapshot-service')).closeSnapshotStore();
    await clusters?.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return () => clusters!;
}

/** Signs `browser` in with `token` on the cluster its context cookie picks. */
export async function signIn(browser: Browser, token: string): Promise<Response> {
  const { POST } = await import('../app/api/auth/signin/route');
  return call(browser, POST, 'POST', '/api/auth/signin', { form: { token } });
}
