// Applying watched changes one by one must give the Inventory a fresh build of the same objects gives.
import { describe, expect, it } from 'vitest';
import { randomChanges } from '../posture/random-changes';
import { applyChange } from './apply-change';
import { buildInventory } from './build-inventory';
import { RESOURCES, type Inventory } from './inventory';
import { scanDemo } from './offline';
import type { K8sObject } from './types';

/** Each pod's workload, by kind/namespace/name, as recorded (an entry of inv.workloads, not a stale copy). */
function owners(inv: Inventory): (string | undefined)[] {
  const workloads = new Set(inv.workloads);
  return inv.objects.pods.map((p) => {
    const w = inv.podWorkloads?.get(p.metadata.namespace!)?.get(p);
    if (w && !workloads.has(w)) return 'not one of inv.workloads';
    return w && `${w.kind}/${w.namespace}/${w.name}`;
  });
}

function rebuilt(inv: Inventory): Inventory {
  const all: K8sObject[] = RESOURCES.flatMap((r) => inv.objects[r.key]);
  return buildInventory(all, { cluster: inv.cluster, readAt: new Date(inv.readAt), missing: inv.missing });
}

describe('applyChange', () => {
  it('after 200 random changes equals a fresh build of the same objects, at every step', async () => {
    let inv = await scanDemo();
    const kinds = new Set<string>();
    for (const change of randomChanges(inv, 200, 7)) {
      const r = applyChange(inv, change);
      inv = r.inventory;
      kinds.add(`${change.type} ${change.resource}`);
      const fresh = rebuilt(inv);
      expect(inv.objects).toEqual(fresh.objects);
      expect(inv.workloads).toEqual(fresh.workloads);
      expect(inv.implicitNamespaces).toEqual(fresh.implicitNamespaces);
      expect(owners(inv)).toEqual(owners(fresh));
    }
    // The sequence exercised adds, changes and deletions of several kinds.
    expect(kinds.size).toBeGreaterThanOrEqual(15);
  });

  it('reports the namespace and kind it touched, and whether workloads changed', async () => {
    const inv = await scanDemo();
    const pod = inv.objects.pods.find((p) => p.metadata.namespace === 'payments')!;
    const { inventory, touched } = applyChange(inv, { type: 'DELETED', resource: 'pods', object: pod });
    expect([...touched.namespaces]).toEqual(['payments']);
    expect([...touched.kinds]).toEqual(['pods']);
    expect(touched.workloads).toBe(true);
    expect(inventory.objects.pods).toHaveLength(inv.objects.pods.length - 1);
    expect(inv.objects.pods).toContain(pod); // the old inventory is left as it was
    const quota = applyChange(inv, {
      type: 'ADDED',
      resource: 'resourcequotas',
      object: { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'ghost' } },
    });
    expect(quota.touched.workloads).toBe(false);
    expect(quota.inventory.implicitNamespaces).toContain('ghost');
    expect(quota.touched.implicitNamespaces).toBe(true);
  });

  it('replaces a whole kind on RELIST', async () => {
    const inv = await scanDemo();
    const { inventory, touched } = applyChange(inv, { type: 'RELIST', resource: 'pods', objects: inv.objects.pods.slice(0, 3) });
    expect(inventory.objects.pods).toHaveLength(3);
    expect(inventory.workloads).toEqual(rebuilt(inventory).workloads);
    expect(touched.namespaces.size).toBeGreaterThan(3);
    // A whole derivation records each pod's workload again.
    expect(owners(inventory)).toEqual(owners(rebuilt(inventory)));
    expect(owners(inventory).every(Boolean)).toBe(true);
  });
});
