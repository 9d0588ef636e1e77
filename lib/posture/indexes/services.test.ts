import { describe, expect, it } from 'vitest';
import type { K8sObject, Workload } from '../../cluster/types';
import { backends, selects } from './services';

const workload = (namespace: string, podLabels: Record<string, string>): Workload =>
  ({ kind: 'Deployment', apiVersion: 'apps/v1', namespace, name: 'web', podLabels, podAnnotations: {}, spec: {}, pods: 1 }) as Workload;
const service = (namespace: string | undefined, selector: unknown): K8sObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', ...(namespace ? { namespace } : {}) }, spec: { selector } }) as K8sObject;
const ingress = (spec: unknown): K8sObject =>
  ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'a' }, spec }) as K8sObject;

describe('selects', () => {
  const w = workload('a', { app: 'web', tier: 'front' });
  it('picks a workload whose pod labels hold every selector label, in the same namespace', () => {
    expect(selects(service('a', { app: 'web' }), w)).toBe(true);
    expect(selects(service('a', { app: 'web', tier: 'front' }), w)).toBe(true);
  });
  it('not with one label different or missing, in another namespace, or without a selector', () => {
    expect(selects(service('a', { app: 'web', tier: 'back' }), w)).toBe(false);
    expect(selects(service('a', { app: 'web', zone: 'x' }), w)).toBe(false);
    expect(selects(service('b', { app: 'web' }), w)).toBe(false);
    expect(selects(service('a', {}), w)).toBe(false); // an empty selector selects nothing (endpoints are managed by hand)
    expect(selects(service('a', undefined), w)).toBe(false);
    expect(selects(service('a', null), w)).toBe(false);
  });
  it("a Service without a namespace is the default namespace's", () => {
    expect(selects(service(undefined, { app: 'web' }), workload('default', { app: 'web' }))).toBe(true);
    expect(selects(service(undefined, { app: 'web' }), w)).toBe(false);
  });
});

describe('backends', () => {
  it('the default backend and every rule path, networking/v1 and the older extensions form, once each', () => {
    expect(
      backends(
        ingress({
          defaultBackend: { service: { name: 'fallback', port: { number: 80 } } },
          rules: [
            {
              http: {
                paths: [
                  { path: '/', backend: { service: { name: 'web' } } },
                  { path: '/api', backend: { service: { name: 'api' } } },
                ],
              },
            },
            { http: { paths: [{ path: '/', backend: { service: { name: 'web' } } }] } },
          ],
        }),
      ),
    ).toEqual(['fallback', 'web', 'api']);
    expect(backends(ingress({ backend: { serviceName: 'old' }, rules: [{ http: { paths: [{ backend: { serviceName: 'older' } }] } }] }))).toEqual([
      'old',
      'older',
    ]);
  });
  it('tolerates malformed rules and resource backends (no Service)', () => {
    expect(
      backends(ingress({ rules: [null, { http: { paths: 'x' } }, { http: { paths: [{ backend: { resource: { kind: 'Bucket', name: 'b' } } }] } }] })),
    ).toEqual([]);
    expect(backends(ingress(undefined))).toEqual([]);
  });
});
