// The namespace summaries' default-deny flags, on the demo cluster and through the import schema.
import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { postureDocumentSchema } from '../snapshots/validate';
import { computePosture } from './engine';
import { namespaceDefaultDeny } from './namespace-summary';
import { inventoryOf, namespace } from './test-inventory';

describe('namespace default deny', () => {
  it('is true per direction where the demo planted it, false where it did not', async () => {
    const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T12:00:00Z') });
    const of = (name: string) => doc.namespaces.find((n) => n.name === name)?.defaultDeny;
    expect(of('payments')).toEqual({ ingress: true, egress: true });
    expect(of('checkout')).toEqual({ ingress: true, egress: true });
    expect(of('monitoring')).toEqual({ ingress: false, egress: false });
    expect(of('legacy-crm')).toEqual({ ingress: false, egress: false });
    expect(postureDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('is null when NetworkPolicies could not be read, and older documents without it still import', () => {
    const inv = inventoryOf([], { missing: { networkpolicies: { reason: 'forbidden', detail: 'RBAC' } } });
    expect(namespaceDefaultDeny(inv)('shop')).toBeNull();
    const doc = computePosture(inventoryOf([namespace('shop')]), { now: new Date('2026-11-22T12:00:00Z') });
    expect(doc.namespaces.map((n) => n.defaultDeny)).toEqual([{ ingress: false, egress: false }]);
    const old = { ...doc, namespaces: doc.namespaces.map(({ defaultDeny: _drop, ...rest }) => rest) };
    expect(postureDocumentSchema.safeParse(old).success).toBe(true);
  });
});
