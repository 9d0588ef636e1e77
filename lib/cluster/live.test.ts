import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from './api-client';
import { ClusterUnreachableError, listAll, METADATA_ONLY_ACCEPT } from './live';

/** An API that serves three pods in pages of `limit`, forbids secrets-like kinds and lacks CRDs. */
function fakeApi(opts: { status?: Record<string, number> } = {}) {
  const requests: string[] = [];
  const pods = ['a', 'b', 'c'].map((n) => ({ metadata: { name: n, namespace: 'x' }, spec: {} }));
  const client: ApiClient = {
    server: 'https://fake',
    close() {},
    async getJson(path: string) {
      requests.push(path);
      const url = new URL('https://fake' + path);
      const status = Object.entries(opts.status ?? {}).find(([p]) => url.pathname.endsWith(p))?.[1];
      if (status) throw new ApiError(status, path, `${status} on ${path}`);
      if (url.pathname !== '/api/v1/pods') return { items: [], metadata: {} };
      const limit = Number(url.searchParams.get('limit'));
      const start = Number(url.searchParams.get('continue') ?? 0);
      const next = start + limit < pods.length ? String(start + limit) : undefined;
      return { kind: 'PodList', items: pods.slice(start, start + limit), metadata: { continue: next } };
    },
  };
  return { client, requests };
}

describe('listAll', () => {
  it('follows continue tokens page by page and fills kind and apiVersion on items', async () => {
    const { client, requests } = fakeApi();
    const { objects } = await listAll(client, { pageSize: 2 });
    expect(objects.filter((o) => o.kind === 'Pod').map((o) => [o.apiVersion, o.metadata.name])).toEqual([
      ['v1', 'a'],
      ['v1', 'b'],
      ['v1', 'c'],
    ]);
    expect(requests.filter((r) => r.startsWith('/api/v1/pods'))).toEqual(['/api/v1/pods?limit=2', '/api/v1/pods?limit=2&continue=2']);
  });

  it('records forbidden and unserved kinds as missing instead of failing the scan', async () => {
    const { client } = fakeApi({ status: { '/clusterrolebindings': 403, '/vulnerabilityreports': 404, '/nodes': 500 } });
    const { missing, objects } = await listAll(client, { pageSize: 500 });
    expect(missing.clusterrolebindings?.reason).toBe('forbidden');
    expect(missing.vulnerabilityreports?.reason).toBe('not-served');
    expect(missing.nodes).toMatchObject({ reason: 'error', detail: expect.stringContaining('500') });
    expect(objects.filter((o) => o.kind === 'Pod')).toHaveLength(3);
  });

  it('fails the whole scan on 401: wrong credentials are not a partial result', async () => {
    const { client } = fakeApi({ status: { '/pods': 401 } });
    await expect(listAll(client, {})).rejects.toBeInstanceOf(ClusterUnreachableError);
  });

  it('asks for Secrets as metadata only and keeps nothing but their metadata', async () => {
    const accepts = new Map<string, string | undefined>();
    const client: ApiClient = {
      server: 'https://fake',
      close() {},
      async getJson(path: string, accept?: string) {
        const url = new URL('https://fake' + path);
        accepts.set(url.pathname, accept);
        if (url.pathname !== '/api/v1/secrets') return { items: [] };
        // A server that ignored the Accept header would send the data: it must still not be kept.
        return {
          kind: 'PartialObjectMetadataList',
          items: [{ kind: 'PartialObjectMetadata', metadata: { name: 't', namespace: 'x' }, data: { k: 'c2VjcmV0' } }],
        };
      },
    };
    const { objects } = await listAll(client, {});
    expect(accepts.get('/api/v1/secrets')).toBe(METADATA_ONLY_ACCEPT);
    expect(accepts.get('/api/v1/pods')).toBeUndefined();
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 't', namespace: 'x' } }]);
  });

  it("lists ConfigMaps with Argo CD's label selector only", async () => {
    const { client, requests } = fakeApi();
    await listAll(client, {});
    const cm = requests.map((r) => new URL('https://fake' + r)).filter((u) => u.pathname === '/api/v1/configmaps');
    expect(cm.map((u) => u.searchParams.get('labelSelector'))).toEqual(['app.kubernetes.io/part-of=argocd']);
  });

  it('reports progress for every kind', async () => {
    const { client } = fakeApi({ status: { '/nodes': 403 } });
    const events: string[] = [];
    await listAll(client, { onProgress: (e) => events.push(`${e.type}:${e.resource}`) });
    expect(events).toContain('kind-missing:nodes');
    expect(events).toContain('kind-done:pods');
    expect(new Set(events.map((e) => e.split(':')[1])).size).toBe(events.length);
  });
});
