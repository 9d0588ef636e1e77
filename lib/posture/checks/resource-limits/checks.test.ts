import { describe, expect, it } from 'vitest';
import type { Container, K8sObject } from '../../../cluster/types';
import { isNotAssessed } from '../../check';
import { deployment, inventoryOf, namespace, pod } from '../../test-inventory';
import { run } from '../test-support';
import containerNoLimits from './container-no-limits';
import containerNoRequests from './container-no-requests';
import quotaNearLimit from './quota-near-limit';

const shop = namespace('shop');
const app = (resources?: Container['resources'], name = 'app'): Container => ({ name, image: 'registry.example/app:1.0', resources });
const limitRange = (ns: string, item: Record<string, unknown>): K8sObject => ({
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name: 'defaults', namespace: ns },
  spec: { limits: [{ type: 'Container', ...item }] },
});
const quota = (name: string, status?: { hard: Record<string, string>; used: Record<string, string> }): K8sObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name, namespace: 'shop' },
  spec: { hard: status?.hard ?? { pods: '10' } },
  ...(status ? { status } : {}),
});

const full = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } };

describe('resource-limits.container-no-requests', () => {
  it('names the workload, the container and the missing request', () => {
    const out = run(containerNoRequests, [
      shop,
      deployment('shop', 'web', { containers: [app({ requests: { cpu: '100m' } }), app(full, 'side')] }),
      deployment('shop', 'ok', { containers: [app(full)] }),
    ]);
    expect(out).toEqual([
      {
        resource: { kind: 'Deployment', namespace: 'shop', name: 'web', apiVersion: 'apps/v1' },
        message: expect.stringMatching(/^Deployment shop\/web: container app has no resources\.requests\.memory \(the namespace has no LimitRange default\)\./),
        names: [
          { role: 'namespace', value: 'shop', at: 11 },
          { role: 'object', kind: 'Deployment', value: 'web', at: 16 },
          { role: 'object', kind: 'Container', value: 'app', at: 31 },
        ],
        // Its own fix: the one missing field on the one container (lib/posture/remediation).
        remediation: expect.stringContaining('Set `resources.requests.memory: 128Mi` in container `app`.'),
        remediationNames: expect.any(Array),
      },
    ]);
  });

  it('counts init containers, takes a limit as the request and lets a LimitRange defaultRequest fill the gap', () => {
    const spec = { initContainers: [app(undefined, 'migrate')], containers: [app({ limits: { cpu: '1', memory: '1Gi' } })] };
    expect(run(containerNoRequests, [shop, deployment('shop', 'web', spec)]).map((f) => f.message)).toEqual([
      expect.stringContaining('container migrate has no resources.requests.cpu or resources.requests.memory'),
    ]);
    expect(run(containerNoRequests, [shop, deployment('shop', 'web', spec), limitRange('shop', { defaultRequest: { cpu: '50m', memory: '64Mi' } })])).toEqual(
      [],
    );
  });
});

describe('resource-limits.container-no-limits', () => {
  it('is medium without a memory limit and low when only the CPU limit is missing', () => {
    const out = run(containerNoLimits, [
      shop,
      deployment('shop', 'nomem', { containers: [app({ requests: full.requests, limits: { cpu: '1' } })] }),
      deployment('shop', 'nocpu', { containers: [app({ requests: full.requests, limits: { memory: '1Gi' } })] }),
      pod('shop', 'ok', { containers: [app(full)] }),
    ]);
    expect(out.map((f) => [f.resource.name, f.severity])).toEqual([
      ['nocpu', 'low'],
      ['nomem', 'medium'],
    ]);
    expect(out[1]!.message).toContain('Deployment shop/nomem: container app has no resources.limits.memory');
    expect(containerNoLimits.remediation).toContain('limits:\n      memory: 256Mi');
  });

  it('a LimitRange default in the same namespace counts, one elsewhere does not', () => {
    const web = deployment('shop', 'web', { containers: [app({ requests: full.requests, limits: { memory: '1Gi' } })] });
    expect(run(containerNoLimits, [shop, web, limitRange('shop', { default: { cpu: '500m' } })])).toEqual([]);
    const out = run(containerNoLimits, [shop, web, limitRange('other', { default: { cpu: '500m' } })]);
    expect(out).toHaveLength(1);
    const partial = run(containerNoLimits, [shop, deployment('shop', 'web', { containers: [app()] }), limitRange('shop', { default: { cpu: '500m' } })]);
    expect(partial[0]!.message).toContain('has no resources.limits.memory (LimitRange defaults supplies no default for it either)');
  });
});

describe('resource-limits.quota-near-limit', () => {
  it('reports entries at 90% or more, medium when exhausted, and ignores zero quotas', () => {
    const out = run(quotaNearLimit, [
      quota('near', {
        hard: { 'requests.cpu': '2', 'requests.memory': '4Gi', 'services.nodeports': '0' },
        used: { 'requests.cpu': '1800m', 'requests.memory': '1Gi', 'services.nodeports': '0' },
      }),
      quota('full', { hard: { pods: '10' }, used: { pods: '10' } }),
      quota('fine', { hard: { 'limits.memory': '8Gi' }, used: { 'limits.memory': '7Gi' } }),
    ]);
    // toMatchObject: findings also carry the places of their names (lib/posture/message.ts).
    expect(out).toMatchObject([
      { resource: expect.objectContaining({ name: 'full' }), severity: 'medium', message: expect.stringContaining('is exhausted: pods 10 of 10 (100%)') },
      {
        resource: { kind: 'ResourceQuota', namespace: 'shop', name: 'near', apiVersion: 'v1' },
        severity: 'low',
        message: expect.stringContaining('ResourceQuota shop/near is nearly used up: requests.cpu 1800m of 2 (90%).'),
      },
    ]);
  });

  it('is not assessed when no quota has a status, and says which quota it could not examine otherwise', () => {
    const out = quotaNearLimit.evaluate(inventoryOf([quota('offline')]));
    expect(isNotAssessed(out) && out.notAssessed).toMatch(/status\.used/);
    const mixed = run(quotaNearLimit, [quota('offline'), quota('live', { hard: { pods: '10' }, used: { pods: '1' } })]);
    expect(mixed).toMatchObject([
      { resource: expect.objectContaining({ name: 'offline' }), severity: 'info', message: expect.stringContaining('could not be examined') },
    ]);
    expect(run(quotaNearLimit, [])).toEqual([]);
  });
});
