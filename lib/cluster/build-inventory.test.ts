import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInventory } from './build-inventory';
import { parseObjects, readObjectsFromPath, InputError } from './manifests';
import { scanPath } from './offline';

const testdata = path.join(import.meta.dirname, 'testdata');

describe('buildInventory', () => {
  it('resolves owners so each workload is its top-level controller, with its pod count', async () => {
    const inv = await scanPath(path.join(testdata, 'dump.json'));
    expect(inv.workloads.map((w) => `${w.kind}/${w.namespace}/${w.name}:${w.pods}`)).toEqual([
      'CronJob/ops/report:0',
      'Deployment/shop/web:2',
      'Pod/shop/debug:1',
    ]);
    expect(inv.workloads.find((w) => w.name === 'web')?.podLabels).toEqual({ app: 'web' });
  });

  it('never keeps Secret data, and strips server-written metadata', async () => {
    const inv = await scanPath(path.join(testdata, 'dump.json'));
    expect(JSON.stringify(inv)).not.toContain('c2VjcmV0');
    const dep = inv.objects.deployments[0]!;
    expect(dep.metadata.resourceVersion).toBeUndefined();
    expect('managedFields' in dep.metadata).toBe(false);
  });

  it("keeps only Argo CD's ConfigMaps, and only the keys the checks read", () => {
    const cm = (name: string, labels: Record<string, string>, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'argocd', labels }, data });
    const inv = buildInventory(
      [
        cm('argocd-cm', { 'app.kubernetes.io/part-of': 'argocd' }, { 'users.anonymous.enabled': 'true', 'dex.config': 'clientSecret: s3cr3t' }),
        cm('app-config', {}, { 'users.anonymous.enabled': 'true' }),
      ],
      { cluster: { name: 't', version: null, source: 'manifests' } },
    );
    expect(inv.objects.argocdconfigmaps.map((o) => [o.metadata.name, o.data])).toEqual([['argocd-cm', { 'users.anonymous.enabled': 'true' }]]);
    expect(JSON.stringify(inv)).not.toContain('s3cr3t');
  });

  it('keeps Secrets from files as metadata only: no data, stringData, type or last-applied-configuration', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'kubernetes.io/service-account-token',
      metadata: {
        name: 'tok',
        namespace: 'crm',
        labels: { a: 'b' },
        annotations: { 'kubernetes.io/service-account.name': 'crm', 'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"token":"c2VjcmV0"}}' },
        managedFields: [{ manager: 'kubectl' }],
      },
      data: { token: 'c2VjcmV0' },
      stringData: { other: 'plain-secret' },
    };
    const inv = buildInventory([secret], { cluster: { name: 't', version: null, source: 'manifests' }, offline: true });
    expect(inv.objects.secrets).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'tok', namespace: 'crm', labels: { a: 'b' }, annotations: { 'kubernetes.io/service-account.name': 'crm' } },
      },
    ]);
    expect(JSON.stringify(inv)).not.toMatch(/c2VjcmV0|plain-secret/);
    expect(inv.missing.secrets).toBeUndefined();
    const none = buildInventory([], { cluster: { name: 't', version: null, source: 'manifests' }, offline: true });
    expect(none.missing.secrets?.reason).toBe('not-in-input');
  });

  it('marks kinds an offline input cannot speak for as missing, and namespaces it only references as implicit', async () => {
    const inv = await scanPath(path.join(testdata, 'dump.json'));
    expect(inv.missing.nodes?.reason).toBe('not-in-input');
    expect(inv.missing.networkpolicies).toBeUndefined();
    expect(inv.implicitNamespaces).toEqual(['ops']);
  });

  it.each([
    ['v1.24.17', true],
    ['v1.25.0', false],
    ['v1.31.4-eks-4f4795d', false],
    [null, false],
  ])('reports PodSecurityPolicies missing from an input only where the cluster (%s) still had them: %s', (version, missing) => {
    const inv = buildInventory([], { cluster: { name: 'c', version, source: 'manifests' }, offline: true });
    expect(inv.missing.podsecuritypolicies !== undefined).toBe(missing);
    expect(inv.missing.nodes?.reason).toBe('not-in-input');
  });

  it('drops a live 404 for PodSecurityPolicy on a 1.25+ cluster, keeps it on an older one', () => {
    const notServed = { podsecuritypolicies: { reason: 'not-served' as const, detail: 'the API server does not serve policy/v1beta1 podsecuritypolicies' } };
    expect(buildInventory([], { cluster: { name: 'c', version: 'v1.30.1', source: 'live' }, missing: notServed }).missing).toEqual({});
    expect(buildInventory([], { cluster: { name: 'c', version: 'v1.23.4', source: 'live' }, missing: notServed }).missing).toEqual(notServed);
  });

  it('survives cyclic ownerReferences', () => {
    const a = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'a', namespace: 'x', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'b', controller: true }] },
      spec: {},
    };
    const b = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'b', namespace: 'x', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'a', controller: true }] },
      spec: {},
    };
    const inv = buildInventory([a, b], { cluster: { name: 't', version: null, source: 'manifests' } });
    expect(inv.workloads.length).toBeGreaterThan(0);
    expect(inv.workloads.reduce((n, w) => n + w.pods, 0)).toBe(2);
  });
});

describe('reading manifests', () => {
  it('reads multi-document YAML with a List inside', async () => {
    const objs = await readObjectsFromPath(path.join(testdata, 'multi.yaml'));
    expect(objs.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Namespace/shop', 'Deployment/web']);
  });

  it('fills kind and apiVersion on items of typed lists (kubectl get pods -o json)', () => {
    const objs = parseObjects(
      JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'p', namespace: 'n' }, spec: {} }] }),
      'pods.json',
    );
    expect(objs[0]).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
  });

  it.each([
    ['key: [unclosed', /bad\.yaml: invalid YAML/],
    ['just a string', /bad\.yaml: not a Kubernetes object/],
    ['apiVersion: v1\nkind: Pod\nmetadata: {}\n', /bad\.yaml: Pod without metadata.name/],
    [
      'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: &e [*d, *d]\nf: &f [*e, *e]\ng: &g [*f, *f]\nh: &h [*g, *g]\ni: &i [*h, *h]\nj: &j [*i, *i]\nk: [*j, *j]\n',
      /bad\.yaml: invalid YAML/,
    ],
  ])('rejects %j with an error naming the file', (text, expected) => {
    expect(() => parseObjects(text, 'bad.yaml')).toThrow(InputError);
    expect(() => parseObjects(text, 'bad.yaml')).toThrow(expected);
  });

  it('rejects binary files and missing paths with the path in the message', async () => {
    expect(() => parseObjects('\u0000\u0001PNG', 'logo.yaml')).toThrow(/logo\.yaml: binary file/);
    await expect(readObjectsFromPath('/nonexistent/dir')).rejects.toThrow(/\/nonexistent\/dir: cannot read/);
  });
});
