import { describe, expect, it } from 'vitest';
import { computePosture } from '../engine';
import { inventoryOf, namespace } from '../test-inventory';
import type { K8sObject, PodSpec } from '../../cluster/types';
import { hasExpired, parseAcceptAnnotation } from './accept-annotation';
import { matchComponent } from './catalogue';
import { exceptionCovers, parseSelector, type PostureException } from './exceptions';
import { isOpen } from '../types';

const KUBE_PROXY: PodSpec = {
  hostNetwork: true,
  containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.31.4', securityContext: { privileged: true } }],
  volumes: [{ name: 'lib-modules', hostPath: { path: '/lib/modules' } }],
};

function workload(kind: 'DaemonSet' | 'Deployment', ns: string, name: string, spec: PodSpec, meta: Partial<K8sObject['metadata']> = {}): K8sObject {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: ns, ...meta },
    spec: { template: { metadata: { labels: { app: name, ...(meta.labels ?? {}) } }, spec } },
  };
}

const NOW = new Date('2026-12-02T12:00:00Z');
const privileged = (f: { checkId: string }) => f.checkId === 'pod-security.pss.privileged';

describe('catalogue matching', () => {
  it('matches namespace, owner kind and every image repository together', () => {
    expect(matchComponent({ namespace: 'kube-system', ownerKind: 'DaemonSet', images: ['registry.k8s.io/kube-proxy:v1.31.4'] })?.id).toBe('kube-proxy');
    expect(matchComponent({ namespace: 'kube-system', ownerKind: 'DaemonSet', images: ['602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.18.3'] })?.id).toBe('aws-node');
    expect(matchComponent({ namespace: 'kube-system', ownerKind: 'Node', images: ['registry.k8s.io/etcd:3.5.15-0'] })?.id).toBe('etcd');
    expect(matchComponent({ namespace: 'kube-system', ownerKind: 'DaemonSet', images: ['calico/node:v3.28.2', 'docker.io/calico/cni:v3.28.2'] })?.id).toBe('calico-node');
  });

  it('does not excuse impostors: other namespace, other image, other owner kind, an extra container', () => {
    const base = { namespace: 'kube-system', ownerKind: 'DaemonSet', images: ['registry.k8s.io/kube-proxy:v1.31.4'] };
    expect(matchComponent({ ...base, namespace: 'default' })).toBeNull();
    expect(matchComponent({ ...base, images: ['evil.example/kube-proxy:v1.31.4'] })).toBeNull();
    expect(matchComponent({ ...base, images: ['registry.k8s.io/kube-proxy-evil:v1'] })).toBeNull();
    expect(matchComponent({ ...base, ownerKind: 'Deployment' })).toBeNull();
    expect(matchComponent({ ...base, images: [...base.images, 'docker.io/library/busybox'] })).toBeNull();
    expect(matchComponent({ ...base, ownerKind: 'Pod', images: ['registry.k8s.io/etcd:3.5'] })).toBeNull();
  });

  it('marks the by-design findings expected in the engine, and only those checks', () => {
    const doc = computePosture(inventoryOf([namespace('kube-system'), workload('DaemonSet', 'kube-system', 'kube-proxy', KUBE_PROXY)]), { now: NOW });
    const own = doc.findings.filter((f) => f.resource.name === 'kube-proxy');
    expect(own.find(privileged)?.expected?.component).toBe('kube-proxy');
    expect(own.find(privileged)?.expected?.source).toMatch(/^https:\/\//);
    // Not by design: resource limits stay open.
    expect(own.find((f) => f.checkId === 'resource-limits.container-no-limits')?.expected).toBeUndefined();
    // Left out of counts: the namespace has no critical left, and the check result counts only open findings.
    expect(doc.namespaces.find((n) => n.name === 'kube-system')!.counts.critical).toBe(0);
    expect(doc.checks.find((c) => c.id === 'pod-security.pss.privileged')).toMatchObject({ findings: 0, triaged: 1 });
  });

  it('engine impostors keep their findings open (same name other namespace, other image, Deployment)', () => {
    const impostors = [
      workload('DaemonSet', 'default', 'kube-proxy', KUBE_PROXY),
      workload('DaemonSet', 'kube-system', 'kube-proxy', { ...KUBE_PROXY, containers: [{ ...KUBE_PROXY.containers![0]!, image: 'docker.io/attacker/kube-proxy:v1' }] }),
      workload('Deployment', 'kube-system', 'kube-proxy', KUBE_PROXY),
    ];
    for (const w of impostors) {
      const doc = computePosture(inventoryOf([namespace('default'), namespace('kube-system'), w]), { now: NOW });
      const f = doc.findings.find(privileged)!;
      expect(f.expected).toBeUndefined();
      expect(doc.namespaces.find((n) => n.name === w.metadata.namespace)!.counts.critical).toBeGreaterThan(0);
    }
  });

  it('does not excuse a bare pod calling itself kube-proxy, in a user namespace or made by hand in kube-system', () => {
    const pod = (ns: string, owner?: K8sObject['metadata']['ownerReferences']): K8sObject => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'kube-proxy', namespace: ns, ...(owner ? { ownerReferences: owner } : {}) },
      spec: KUBE_PROXY,
    });
    const impostor = computePosture(inventoryOf([namespace('shop'), pod('shop')]), { now: NOW });
    expect(impostor.findings.find(privileged)!.expected).toBeUndefined();
    expect(impostor.namespaces.find((n) => n.name === 'shop')!.counts.critical).toBeGreaterThan(0);
    // Same name, same image, kube-system, but created by hand (no Node owner): not the static pod either.
    const byHand = computePosture(inventoryOf([namespace('kube-system'), pod('kube-system')]), { now: NOW });
    expect(byHand.findings.find(privileged)!.expected).toBeUndefined();
  });

  it('is off when asked', () => {
    const doc = computePosture(inventoryOf([namespace('kube-system'), workload('DaemonSet', 'kube-system', 'kube-proxy', KUBE_PROXY)]), { now: NOW, triage: { catalogue: false } });
    expect(doc.findings.find(privileged)!.expected).toBeUndefined();
  });
});

describe('kube-posture.io/accept annotation', () => {
  it('parses the documented format', () => {
    expect(parseAcceptAnnotation('checks=pod-security.pss.privileged, pod-security.pss.host-namespaces; owner=team-net; expires=2027-01-31; reason=needs the host network')).toEqual({
      checks: ['pod-security.pss.privileged', 'pod-security.pss.host-namespaces'],
      owner: 'team-net',
      expires: '2027-01-31',
      reason: 'needs the host network',
    });
  });

  it.each([
    ['checks=pod-security.pss.privileged; owner=a; reason=b', /missing expires/],
    ['checks=pod-security.pss.privileged; owner=a; expires=2027-02-30; reason=b', /not a date/],
    ['checks=privileged; owner=a; expires=2027-01-31; reason=b', /not a check id/],
    ['checks=a.b; owner=a; expires=2027-01-31; reason=b; colour=red', /unknown field/],
    ['just accept it', /not key=value/],
  ])('refuses %s', (value, error) => {
    const r = parseAcceptAnnotation(value);
    expect('error' in r && r.error).toMatch(error);
  });

  const annotated = (value: string) =>
    inventoryOf([namespace('apps'), workload('Deployment', 'apps', 'web', KUBE_PROXY, { annotations: { 'kube-posture.io/accept': value } })]);

  it('accepts the named checks until the expiry day, then brings them back saying so', () => {
    const value = 'checks=pod-security.pss.privileged; owner=team-web; expires=2026-12-31; reason=migrating';
    const before = computePosture(annotated(value), { now: new Date('2026-12-31T23:59:00Z') });
    const f = before.findings.find(privileged)!;
    expect(f.accepted).toEqual({ by: 'annotation', reason: 'migrating', owner: 'team-web', expires: '2026-12-31', source: 'annotation' });
    expect(isOpen(f)).toBe(false);
    const open = computePosture(annotated('checks=a.b; owner=x; expires=2027-01-01; reason=other check'), { now: NOW });
    expect(before.namespaces.find((n) => n.name === 'apps')!.counts.critical).toBe(open.namespaces.find((n) => n.name === 'apps')!.counts.critical - 1);
    // Another check on the same object is not accepted.
    expect(before.findings.find((f) => f.checkId === 'pod-security.pss.host-namespaces')!.accepted).toBeUndefined();

    const after = computePosture(annotated(value), { now: new Date('2027-01-01T00:00:00Z') });
    const g = after.findings.find(privileged)!;
    expect(g.accepted).toBeUndefined();
    expect(g.expiredException?.expires).toBe('2026-12-31');
    expect(after.namespaces.find((n) => n.name === 'apps')!.counts.critical).toBeGreaterThan(0);
  });

  it('a malformed annotation accepts nothing and is itself a finding', () => {
    const doc = computePosture(annotated('checks=pod-security.pss.privileged; owner=me'), { now: NOW });
    expect(doc.findings.find(privileged)!.accepted).toBeUndefined();
    const m = doc.findings.find((f) => f.checkId === 'triage.accept-annotation-malformed')!;
    expect(m.resource).toMatchObject({ kind: 'Deployment', namespace: 'apps', name: 'web' });
    expect(m.message).toMatch(/missing expires, reason/);
  });

  it('knows the last day', () => {
    expect(hasExpired('2026-12-02', NOW)).toBe(false);
    expect(hasExpired('2026-12-01', NOW)).toBe(true);
  });
});

describe('stored exceptions', () => {
  const base: Omit<PostureException, 'scope'> = { id: 'x1', checkId: 'pod-security.pss.privileged', reason: 'r', owner: 'o', expires: '2027-01-31', createdBy: 'alice' };
  const web = { kind: 'Deployment', namespace: 'apps', name: 'web' };

  it('scopes to an object, a namespace or a label selector, and to one check', () => {
    expect(exceptionCovers({ ...base, scope: { type: 'object', ...web } }, base.checkId, web, {})).toBe(true);
    expect(exceptionCovers({ ...base, scope: { type: 'object', ...web, name: 'api' } }, base.checkId, web, {})).toBe(false);
    expect(exceptionCovers({ ...base, scope: { type: 'object', ...web } }, 'pod-security.pss.host-namespaces', web, {})).toBe(false);
    expect(exceptionCovers({ ...base, scope: { type: 'namespace', namespace: 'apps' } }, base.checkId, web, {})).toBe(true);
    expect(exceptionCovers({ ...base, scope: { type: 'namespace', namespace: 'other' } }, base.checkId, web, {})).toBe(false);
    const sel = { ...base, scope: { type: 'selector' as const, selector: 'tier=edge,!legacy' } };
    expect(exceptionCovers(sel, base.checkId, web, { tier: 'edge' })).toBe(true);
    expect(exceptionCovers(sel, base.checkId, web, { tier: 'edge', legacy: 'yes' })).toBe(false);
    expect(exceptionCovers(sel, base.checkId, web, { tier: 'core' })).toBe(false);
    expect(exceptionCovers({ ...sel, scope: { ...sel.scope, namespace: 'other' } }, base.checkId, web, { tier: 'edge' })).toBe(false);
  });

  it('refuses a selector it cannot parse', () => {
    expect(parseSelector('tier in (a,b)')).toHaveProperty('error');
    expect(parseSelector('')).toHaveProperty('error');
  });

  it('accepts in the engine until it expires (test clock), then the finding is open again and says so', () => {
    const inv = inventoryOf([namespace('apps'), workload('Deployment', 'apps', 'web', KUBE_PROXY, { labels: { tier: 'edge' } })]);
    const exceptions = [{ ...base, scope: { type: 'selector' as const, selector: 'tier=edge' } }];
    const live = computePosture(inv, { now: new Date('2027-01-31T10:00:00Z'), triage: { exceptions } });
    expect(live.findings.find(privileged)!.accepted).toMatchObject({ by: 'alice', source: 'store', id: 'x1', expires: '2027-01-31' });
    expect(live.namespaces[0]!.counts.critical).toBe(computePosture(inv, { now: NOW }).namespaces[0]!.counts.critical - 1);
    const expired = computePosture(inv, { now: new Date('2027-02-01T00:00:00Z'), triage: { exceptions } });
    expect(expired.findings.find(privileged)!.accepted).toBeUndefined();
    expect(expired.findings.find(privileged)!.expiredException).toMatchObject({ id: 'x1' });
    expect(expired.namespaces[0]!.counts.critical).toBe(live.namespaces[0]!.counts.critical + 1);
  });
});

describe('owners', () => {
  it("takes the workload's owner key first, then its namespace's, in the configured key order", () => {
    const inv = inventoryOf([
      namespace('apps', { team: 'platform' }),
      workload('Deployment', 'apps', 'web', KUBE_PROXY, { labels: { 'app.kubernetes.io/part-of': 'shop' } }),
      workload('Deployment', 'apps', 'api', KUBE_PROXY),
    ]);
    const doc = computePosture(inv, { now: NOW });
    expect(doc.findings.find((f) => f.resource.name === 'web')!.owner).toBe('shop');
    expect(doc.findings.find((f) => f.resource.name === 'api')!.owner).toBe('platform');
    expect(doc.namespaces.find((n) => n.name === 'apps')!.owner).toBe('platform');
    const custom = computePosture(inv, { now: NOW, triage: { ownerKeys: ['cost-centre'] } });
    expect(custom.findings.find((f) => f.resource.name === 'web')!.owner).toBeUndefined();
  });

  it('reads an owner annotation when no label names one', () => {
    const inv = inventoryOf([namespace('apps'), workload('Deployment', 'apps', 'web', KUBE_PROXY, { annotations: { owner: 'ana@example.com' } })]);
    expect(computePosture(inv, { now: NOW }).findings.find((f) => f.resource.name === 'web')!.owner).toBe('ana@example.com');
  });
});

describe('incremental equals full with triage', () => {
  it('after an annotation is added, a namespace owner label changes, and an exception expires', async () => {
    const { initialPosture, updatePosture } = await import('../incremental');
    const { applyChange } = await import('../../cluster/apply-change');
    const { scanDemo } = await import('../../cluster/offline');
    let inv = { ...(await scanDemo()), readAt: '2026-11-22T00:00:00.000Z' };
    const exceptions: PostureException[] = [
      { id: 'e1', checkId: 'pod-security.pss.run-as-non-root', scope: { type: 'namespace', namespace: 'legacy-crm' }, reason: 'r', owner: 'o', expires: '2026-11-30', createdBy: 'alice' },
    ];
    const triage = { exceptions };
    const t0 = new Date('2026-11-22T12:00:00Z');
    let state = initialPosture(inv, { now: t0, triage });
    expect(state.doc).toEqual(computePosture(inv, { now: t0, triage }));
    expect(state.doc.findings.some((f) => f.accepted?.id === 'e1')).toBe(true);

    const deployment = inv.objects.deployments.find((d) => d.metadata.namespace === 'legacy-crm')!;
    const ns = inv.objects.namespaces.find((n) => n.metadata.name === 'data-science')!;
    const changes = [
      { type: 'MODIFIED' as const, resource: 'deployments' as const, object: { ...deployment, metadata: { ...deployment.metadata, annotations: { 'kube-posture.io/accept': 'checks=pod-security.pss.privileged; owner=crm; expires=2027-01-01; reason=legacy' } } } },
      { type: 'MODIFIED' as const, resource: 'namespaces' as const, object: { ...ns, metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, team: 'ml' } } } },
      { type: 'MODIFIED' as const, resource: 'deployments' as const, object: { ...deployment, metadata: { ...deployment.metadata, annotations: { 'kube-posture.io/accept': 'garbage' } } } },
    ];
    for (const [i, change] of changes.entries()) {
      const applied = applyChange(inv, change);
      inv = applied.inventory;
      // The last step is after the stored exception's last day.
      const now = i === changes.length - 1 ? new Date('2026-12-01T00:00:00Z') : t0;
      state = updatePosture(state, inv, applied.touched, { now }).posture;
      expect(JSON.stringify(state.doc) === JSON.stringify(computePosture(inv, { now, triage })), `step ${i}`).toBe(true);
    }
    expect(state.doc.findings.some((f) => f.expiredException?.id === 'e1')).toBe(true);
    expect(state.doc.findings.some((f) => f.checkId === 'triage.accept-annotation-malformed')).toBe(true);
    expect(state.doc.namespaces.find((n) => n.name === 'data-science')!.owner).toBe('ml');
  }, 60_000);
});
