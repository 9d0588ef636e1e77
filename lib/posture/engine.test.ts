import { describe, expect, it } from 'vitest';
import { defineCheck, notAssessed, type Check } from './check';
import { computePosture } from './engine';
import { ALL_CHECKS } from './registry';
import { deployment, inventoryOf, namespace, restrictedSpec } from './test-inventory';
import { AREA_IDS } from './types';

const failing = (id: string, extra: Partial<Omit<Check, 'scope' | 'wholeKinds' | 'bindingsBySubject'>> = {}): Check =>
  defineCheck({
    id,
    area: 'rbac',
    severity: 'high',
    title: id,
    remediation: 'fix it',
    needs: ['namespaces'],
    evaluate: (inv) => inv.workloads.map((w) => ({ resource: { kind: w.kind, namespace: w.namespace, name: w.name }, message: `${w.name} is bad` })),
    ...extra,
  });

const inv = () => inventoryOf([namespace('a', { 'pod-security.kubernetes.io/enforce': 'restricted' }), namespace('b'), deployment('a', 'web', restrictedSpec)]);

describe('computePosture', () => {
  it('produces the document of the design: eleven areas in order, native then uncovered', () => {
    const doc = computePosture(inv(), { now: new Date('2026-11-22T10:00:00Z') });
    expect(doc.schemaVersion).toBe(1);
    expect(doc.generatedAt).toBe('2026-11-22T10:00:00.000Z');
    expect(doc.areas.map((a) => a.id)).toEqual([...AREA_IDS]);
    expect(doc.areas.slice(0, 5).every((a) => a.kind === 'native' && a.coverage === null)).toBe(true);
    // kube-posture's own checks partly cover management tools; nothing covers the others here.
    expect(doc.areas.slice(5).map((a) => [a.id, a.kind, a.coverage?.status])).toEqual(
      AREA_IDS.slice(5).map((id) => [id, 'uncovered', id === 'management-tools' ? 'partial' : 'not-covered']),
    );
    expect(doc.checks).toHaveLength(ALL_CHECKS.length);
    expect(doc.namespaces.find((n) => n.name === 'a')?.podSecurity).toEqual({ level: 'restricted', version: 'latest', labelled: true });
    expect(doc.namespaces.find((n) => n.name === 'b')?.podSecurity).toEqual({ level: 'privileged', version: 'latest', labelled: false });
  });

  it('reports a check whose kinds could not be read as not assessed, with the reason, and never as passing', () => {
    const doc = computePosture(
      inventoryOf([namespace('a')], { missing: { clusterrolebindings: { reason: 'forbidden', detail: 'listing clusterrolebindings is forbidden' } } }),
    );
    const check = doc.checks.find((c) => c.id === 'rbac.binds-cluster-admin')!;
    expect(check).toMatchObject({ assessed: false, reason: 'listing clusterrolebindings is forbidden', findings: 0 });
    expect(doc.missingKinds).toEqual([{ resource: 'clusterrolebindings', reason: 'forbidden', detail: 'listing clusterrolebindings is forbidden' }]);
  });

  it('turns a check that throws into not assessed, not a pass', () => {
    const boom = failing('rbac.boom', {
      evaluate: () => {
        throw new Error('unexpected shape');
      },
    });
    const doc = computePosture(inv(), { checks: [boom] });
    expect(doc.checks[0]).toMatchObject({ assessed: false, reason: 'the check failed on this input: unexpected shape' });
    expect(doc.areas.find((a) => a.id === 'rbac')).toMatchObject({ score: null, checks: { total: 1, passed: 0, failed: 0, notAssessed: 1 } });
  });

  it('scores a check by the share of examined objects it fails, and fills finding metadata from the check', () => {
    const examines = failing('rbac.half', {
      evaluate: (i) => [{ resource: { kind: 'Deployment', namespace: 'a', name: 'web' }, message: 'web is bad' }].filter(() => i.workloads.length > 0),
      examines: () => [
        { kind: 'Deployment', namespace: 'a', name: 'web' },
        { kind: 'Deployment', namespace: 'a', name: 'api' },
      ],
    });
    const doc = computePosture(inv(), { checks: [examines, failing('rbac.skip', { evaluate: () => notAssessed('no data') })] });
    expect(doc.areas.find((a) => a.id === 'rbac')?.score).toBe(50);
    expect(doc.findings[0]).toEqual({
      checkId: 'rbac.half',
      area: 'rbac',
      severity: 'high',
      title: 'rbac.half',
      message: 'web is bad',
      remediation: 'fix it',
      resource: { kind: 'Deployment', namespace: 'a', name: 'web' },
    });
    expect(doc.namespaces.find((n) => n.name === 'a')).toMatchObject({ score: 50, counts: { high: 1 } });
    expect(doc.namespaces.find((n) => n.name === 'b')).toMatchObject({ score: 100, counts: { high: 0 } });
  });

  it('sorts findings critical first', () => {
    const doc = computePosture(inv(), { checks: [failing('rbac.low', { severity: 'low' }), failing('rbac.crit', { severity: 'critical' })] });
    expect(doc.findings.map((f) => f.severity)).toEqual(['critical', 'low']);
  });
});

describe('the check registry', () => {
  it('has unique ids named after their area, and at least one check in every area', () => {
    const ids = ALL_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_CHECKS) expect(c.id.startsWith(`${c.area}.`)).toBe(true);
    for (const area of AREA_IDS) expect(ALL_CHECKS.some((c) => c.area === area)).toBe(true);
  });
});
