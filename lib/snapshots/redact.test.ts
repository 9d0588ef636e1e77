import { describe, expect, it } from 'vitest';
import { redactDocument } from './redact';
import { sampleDocument } from './test-fixtures';
import { parsePostureImport } from './validate';

describe('redactDocument', () => {
  const doc = sampleDocument({ cluster: 'prod-eu', privileged: true });

  it('replaces every namespace, object and cluster name, in references and in text', () => {
    const { document } = redactDocument(doc);
    const json = JSON.stringify(document);
    for (const secret of ['shop', 'cart', 'front', 'prod-eu', '"web"', 'web/']) expect(json, secret).not.toContain(secret);
    expect(document.namespaces.map((n) => n.name)).toEqual(['ns-1', 'ns-2']);
    expect(document.cluster.name).toBe('cluster-1');
    const cart = document.findings.find((f) => f.checkId === 'pod-security.pss.privileged')!;
    expect(cart.resource).toMatchObject({ kind: 'Deployment', namespace: 'ns-1', name: 'deployment-1' });
    expect(cart.message).toContain('Deployment ns-1/deployment-1 ');
  });

  it('keeps pseudonyms stable across findings and keeps scores, counts and checks', () => {
    const { document } = redactDocument(doc);
    const refs = new Set(document.findings.filter((f) => f.resource.kind === 'Deployment').map((f) => `${f.resource.namespace}/${f.resource.name}`));
    const originals = new Set(doc.findings.filter((f) => f.resource.kind === 'Deployment').map((f) => `${f.resource.namespace}/${f.resource.name}`));
    expect(refs.size).toBe(originals.size);
    expect(document.score).toBe(doc.score);
    expect(document.areas).toEqual(doc.areas);
    expect(document.findings).toHaveLength(doc.findings.length);
    expect(document.checks.map((c) => c.findings)).toEqual(doc.checks.map((c) => c.findings));
    // The same input gives the same pseudonyms.
    expect(redactDocument(doc).document).toEqual(document);
  });

  it('replaces whole names only, longest first, and the result is still a valid document', () => {
    const empty = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
    const d = { ...doc, namespaces: [...doc.namespaces, { ...doc.namespaces[0]!, name: 'shop-admin', score: 100, counts: empty }] };
    const { document, names } = redactDocument(d);
    expect(names.get('shop-admin')).toBe('ns-3');
    const text = redactDocument({ ...d, missingKinds: [{ resource: 'secrets', reason: 'forbidden', detail: 'shop-admin and shop and shopping' }] }).document
      .missingKinds[0]!.detail;
    expect(text).toBe('ns-3 and ns-1 and shopping');
    expect(parsePostureImport(JSON.stringify(document)).ok).toBe(true);
  });
});
