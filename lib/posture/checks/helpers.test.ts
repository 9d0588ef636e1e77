import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { deployment, inventoryOf, restrictedSpec } from '../test-inventory';
import { oncePerInventory, workloadFor } from './helpers';

const replicaSet = (ns: string, name: string, owner: string): K8sObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, namespace: ns, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: owner, controller: true }] },
  spec: { template: { spec: restrictedSpec } },
});

describe('workloadFor', () => {
  it('follows owners from a ReplicaSet to its Deployment, and finds nothing for strangers', () => {
    const inv = inventoryOf([deployment('shop', 'web', restrictedSpec), replicaSet('shop', 'web-5d8f', 'web')]);
    expect(workloadFor(inv, 'ReplicaSet', 'shop', 'web-5d8f')?.name).toBe('web');
    expect(workloadFor(inv, 'Deployment', 'shop', 'web')?.kind).toBe('Deployment');
    expect(workloadFor(inv, 'ReplicaSet', 'other', 'web-5d8f')).toBeUndefined();
    expect(workloadFor(inv, 'ReplicaSet', 'shop', 'nope')).toBeUndefined();
  });

  it('sees a replaced list: the index is rebuilt, not served stale', () => {
    const inv = inventoryOf([deployment('shop', 'web', restrictedSpec)]);
    expect(workloadFor(inv, 'ReplicaSet', 'shop', 'web-1')).toBeUndefined();
    inv.objects.replicasets = [replicaSet('shop', 'web-1', 'web')];
    expect(workloadFor(inv, 'ReplicaSet', 'shop', 'web-1')?.name).toBe('web');
  });
});

describe('oncePerInventory', () => {
  it('builds once per inventory and key while its lists stay the same', () => {
    const inv = inventoryOf([]);
    let builds = 0;
    const get = () => oncePerInventory(inv, 'k', [inv.objects.pods], () => ++builds);
    expect([get(), get()]).toEqual([1, 1]);
    expect(oncePerInventory(inventoryOf([]), 'k', [inv.objects.pods], () => ++builds)).toBe(2);
    inv.objects.pods = [];
    expect(get()).toBe(3);
  });
});
