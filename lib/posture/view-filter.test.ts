import { describe, expect, it } from 'vitest';
import { scanDemo } from '../cluster/offline';
import { computePosture } from './engine';
import { findingNamespace, restrictEvidence, restrictToNamespaces } from './view-filter';

const doc = computePosture(await scanDemo(), { now: new Date('2026-11-22T00:00:00Z') });

describe('restrictToNamespaces', () => {
  it('keeps only the allowed namespaces and their findings', () => {
    const mine = restrictToNamespaces(doc, ['legacy-crm', 'payments']);
    expect(mine.namespaces.map((n) => n.name).sort()).toEqual(['legacy-crm', 'payments']);
    expect(mine.findings.length).toBeGreaterThan(0);
    expect(mine.findings.every((f) => ['legacy-crm', 'payments'].includes(findingNamespace(f)!))).toBe(true);
    // The demo has cluster-scoped findings (ClusterRoleBindings, nodes…): none may show.
    expect(doc.findings.some((f) => findingNamespace(f) === null)).toBe(true);
    expect(mine.findings.some((f) => findingNamespace(f) === null)).toBe(false);
    expect(mine.view).toEqual({ restrictedTo: ['legacy-crm', 'payments'] });
  });

  it('recounts areas and checks from the visible findings, and withholds cluster-wide scores', () => {
    const mine = restrictToNamespaces(doc, ['legacy-crm']);
    const byArea = (area: string) => mine.findings.filter((f) => f.area === area).length;
    for (const a of mine.areas) {
      expect(Object.values(a.counts).reduce((s, n) => s + n, 0)).toBe(byArea(a.id));
      expect(a.score).toBeNull();
    }
    for (const c of mine.checks.filter((c) => c.assessed)) expect(c.findings).toBe(mine.findings.filter((f) => f.checkId === c.id).length);
    expect(mine.score).toBe(doc.namespaces.find((n) => n.name === 'legacy-crm')!.score);
  });

  it('leaves nothing for a viewer with no namespaces, and does not change the original', () => {
    const before = JSON.stringify(doc);
    const none = restrictToNamespaces(doc, []);
    expect(none.findings).toEqual([]);
    expect(none.namespaces).toEqual([]);
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('restrictEvidence (pen test issue 13, item 7)', () => {
  const visible = new Set(['payments']);
  it('says only the kind of an object in a namespace the viewer cannot see', () => {
    expect(restrictEvidence('DaemonSet falco/falco (image falcosecurity/falco:0.38.0)', visible)).toBe('DaemonSet in a namespace you cannot see');
    expect(restrictEvidence('PolicyReport kyverno/polr-1 (results from kyverno)', visible)).toBe('PolicyReport in a namespace you cannot see');
    expect(restrictEvidence('ValidatingWebhookConfiguration gk (service gatekeeper-system/webhook)', visible)).toBe(
      'ValidatingWebhookConfiguration gk (a service in a namespace you cannot see)',
    );
  });
  it('keeps evidence in the viewer’s namespaces and cluster-scoped evidence', () => {
    expect(restrictEvidence('Deployment payments/scanner (image aquasec/trivy:0.50)', visible)).toBe('Deployment payments/scanner (image aquasec/trivy:0.50)');
    expect(restrictEvidence('CustomResourceDefinition vulnerabilityreports.aquasecurity.github.io', visible)).toBe(
      'CustomResourceDefinition vulnerabilityreports.aquasecurity.github.io',
    );
  });
});
