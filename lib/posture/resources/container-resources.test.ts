import { describe, expect, it } from 'vitest';
import type { Container, K8sObject } from '../../cluster/types';
import { effectiveResources, limitRangeDefaults } from './container-resources';

const lr = (ns: string, name: string, limits: unknown[]): K8sObject => ({
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name, namespace: ns },
  spec: { limits },
});
const c = (resources?: Container['resources']): Container => ({ name: 'app', resources });

describe('limitRangeDefaults', () => {
  it('reads Container items, defaults defaultRequest to default, first LimitRange wins', () => {
    const m = limitRangeDefaults([
      lr('shop', 'a', [
        { type: 'PersistentVolumeClaim', max: { storage: '1Gi' } },
        { type: 'Container', default: { memory: '512Mi' } },
      ]),
      lr('shop', 'b', [{ type: 'Container', default: { cpu: '1', memory: '1Gi' }, defaultRequest: { cpu: '100m' } }]),
      lr('other', 'c', [{ type: 'Pod', max: { cpu: '2' } }]),
    ]);
    expect(m.get('shop')).toEqual({ limits: { memory: '512Mi', cpu: '1' }, requests: { memory: '512Mi', cpu: '100m' }, source: 'a' });
    expect(m.get('other')).toBeUndefined();
  });
});

describe('effectiveResources', () => {
  const defaults = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m' }, source: 'lr' };

  it('lists what is missing without a LimitRange', () => {
    expect(effectiveResources(c(), 'requests', undefined).missing).toEqual(['resources.requests.cpu', 'resources.requests.memory']);
    expect(effectiveResources(c({ requests: { cpu: '1' } }), 'limits', undefined).missing).toEqual(['resources.limits.cpu', 'resources.limits.memory']);
  });

  it('counts a limit as the request, as the API does', () => {
    expect(effectiveResources(c({ limits: { cpu: '1', memory: '1Gi' } }), 'requests', undefined).missing).toEqual([]);
  });

  it('lets the LimitRange fill gaps, and says so', () => {
    expect(effectiveResources(c(), 'requests', defaults)).toEqual({ missing: [], defaulted: ['resources.requests.cpu', 'resources.requests.memory'] });
    expect(effectiveResources(c({ limits: { memory: '1Gi' } }), 'limits', defaults)).toEqual({ missing: [], defaulted: ['resources.limits.cpu'] });
    expect(effectiveResources(c(), 'limits', defaults).missing).toEqual(['resources.limits.memory']);
  });
});
