// The network-policy checks with Cilium, Calico and AdminNetworkPolicy objects planted: a pod
// such a policy isolates is not reported, one it does not is, and one it cannot tell about is
// listed as not assessed (with the reason) instead of failing.
import { describe, expect, it } from 'vitest';
import type { MissingKind, ResourceKey } from '../../../cluster/inventory';
import type { K8sObject } from '../../../cluster/types';
import { redactDocument } from '../../../snapshots/redact';
import { postureDocumentSchema } from '../../../snapshots/validate';
import { computePosture } from '../../engine';
import { restrictToNamespaces } from '../../view-filter';
import { deployment, inventoryOf, namespace, restrictedSpec } from '../../test-inventory';
import namespaceNoDefaultDeny from './namespace-no-default-deny';
import namespaceNoNetworkPolicy from './namespace-no-network-policy';
import workloadNotSelected from './workload-not-selected-by-network-policy';

const CHECKS = [namespaceNoNetworkPolicy, namespaceNoDefaultDeny, workloadNotSelected];
const web = deployment('shop', 'web', restrictedSpec);
const db = deployment('shop', 'db', restrictedSpec);
const shop = namespace('shop', { tier: 'prod' });

const obj = (apiVersion: string, kind: string, name: string, ns: string | undefined, spec: Record<string, unknown>, extra: Record<string, unknown> = {}): K8sObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(ns ? { namespace: ns } : {}) },
  spec,
  ...extra,
});
const cnp = (name: string, spec: Record<string, unknown>) => obj('cilium.io/v2', 'CiliumNetworkPolicy', name, 'shop', spec);
const ccnp = (name: string, spec: Record<string, unknown>) => obj('cilium.io/v2', 'CiliumClusterwideNetworkPolicy', name, undefined, spec);
const calicoNp = (name: string, spec: Record<string, unknown>, apiVersion = 'projectcalico.org/v3') => obj(apiVersion, 'NetworkPolicy', name, 'shop', spec);
const gnp = (name: string, spec: Record<string, unknown>) => obj('projectcalico.org/v3', 'GlobalNetworkPolicy', name, undefined, spec);
const anp = (kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy', name: string, spec: Record<string, unknown>) =>
  obj('policy.networking.k8s.io/v1alpha1', kind, name, undefined, spec);

/** Per check: "Kind ns/name" of findings, and of objects not assessed. */
function outcome(objects: K8sObject[], missing?: Partial<Record<ResourceKey, MissingKind>>) {
  const doc = computePosture(inventoryOf(objects, { missing }), { checks: CHECKS, now: new Date('2026-11-22T00:00:00Z') });
  const key = (r: { kind: string; namespace: string | null; name: string }) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
  const per = (id: string) => ({
    found: doc.findings.filter((f) => f.checkId === id).map((f) => `${f.severity} ${key(f.resource)}`),
    notAssessed: (doc.checks.find((c) => c.id === id)!.notAssessedFor ?? []).map((o) => `${key(o.resource)}: ${o.reason}`),
  });
  return {
    doc,
    noPolicy: per('pod-security.namespace-no-network-policy'),
    noDefaultDeny: per('pod-security.namespace-no-default-deny'),
    notSelected: per('pod-security.workload-not-selected-by-network-policy'),
  };
}

describe('Cilium policies', () => {
  it('a CiliumNetworkPolicy isolating web: web passes, db is reported, the namespace has no default deny', () => {
    const o = outcome([shop, web, db, cnp('web', { endpointSelector: { matchLabels: { app: 'web' } }, ingress: [{ fromEndpoints: [{ matchLabels: { app: 'lb' } }] }] })]);
    expect(o.noPolicy.found).toEqual([]);
    expect(o.notSelected.found).toEqual(['medium Deployment shop/db']);
    expect(o.noDefaultDeny.found).toEqual(['medium Namespace shop']);
    expect(o.doc.findings.find((f) => f.resource.name === 'db')!.message).toContain('the only CiliumNetworkPolicy');
  });

  it('an empty ingress rule and egress rule under endpointSelector {} is a default deny both ways', () => {
    const o = outcome([shop, web, db, cnp('deny', { endpointSelector: {}, ingress: [{}], egress: [{}] })]);
    expect([o.noPolicy.found, o.noDefaultDeny.found, o.notSelected.found]).toEqual([[], [], []]);
  });

  it('a clusterwide policy selecting by namespace isolates that namespace only; ingressDeny from "all" denies ingress', () => {
    const o = outcome([
      shop,
      web,
      namespace('blog'),
      deployment('blog', 'wp', restrictedSpec),
      ccnp('shop-in', { endpointSelector: { matchLabels: { 'k8s:io.kubernetes.pod.namespace': 'shop' } }, ingressDeny: [{ fromEntities: ['all'] }] }),
    ]);
    expect(o.noPolicy.found).toEqual(['medium Namespace blog']);
    expect(o.noDefaultDeny.found).toEqual(['low Namespace shop']); // ingress denied, egress open
    expect(o.notSelected.found).toEqual([]);
  });

  it('rules with empty ingress and egress restrict nothing (Cilium applies no direction): the pod is reported', () => {
    // Kubescape's success_pod_cilium_label_match counts this as a match; Cilium's own API says an
    // empty ingress/egress list does not apply, so the pod stays open.
    const o = outcome([shop, web, cnp('deny-all', { endpointSelector: { matchLabels: { app: 'web' } }, ingress: [], egress: [] })]);
    expect(o.notSelected.found).toEqual(['medium Deployment shop/web']);
    expect(o.doc.findings.find((f) => f.resource.name === 'web')!.message).toContain('CiliumNetworkPolicy shop/deny-all selects it but has no ingress or egress rules');
  });

  it('a selector on the Cilium cluster name cannot be evaluated: those pods are not assessed, not failed', () => {
    const o = outcome([shop, web, cnp('mesh', { endpointSelector: { matchLabels: { 'io.cilium.k8s.policy.cluster': 'east' } }, ingress: [{}] })]);
    expect(o.notSelected.found).toEqual([]);
    expect(o.notSelected.notAssessed).toEqual([expect.stringMatching(/^Deployment shop\/web: CiliumNetworkPolicy shop\/mesh selects by io\.cilium\.k8s\.policy\.cluster/)]);
    const check = o.doc.checks.find((c) => c.id === 'pod-security.workload-not-selected-by-network-policy')!;
    expect(check).toMatchObject({ assessed: true, findings: 0 });
    // The list survives a snapshot import, is pseudonymised when shared, and is cut to a viewer's namespaces.
    expect(postureDocumentSchema.safeParse(o.doc).success).toBe(true);
    const shared = JSON.stringify(redactDocument(o.doc).document.checks);
    expect(shared).not.toMatch(/shop|"web"/);
    expect(restrictToNamespaces(o.doc, ['other']).checks.find((c) => c.id === check.id)!.notAssessedFor).toBeUndefined();
    expect(restrictToNamespaces(o.doc, ['shop']).checks.find((c) => c.id === check.id)!.notAssessedFor).toHaveLength(1);
  });

  it('specs[] rules are read one by one', () => {
    const o = outcome([shop, web, db, cnp('two', { endpointSelector: { matchLabels: { app: 'none' } }, ingress: [{}] })].concat([
      { ...cnp('list', {}), spec: undefined, specs: [{ endpointSelector: { matchLabels: { app: 'db' } }, egress: [{}] }] } as K8sObject,
    ]));
    expect(o.notSelected.found).toEqual(['medium Deployment shop/web']);
  });
});

describe('Calico policies', () => {
  it.each(['projectcalico.org/v3', 'crd.projectcalico.org/v1'])('a %s NetworkPolicy selecting app == web isolates web only', (apiVersion) => {
    const o = outcome([shop, web, db, calicoNp('web', { selector: "app == 'web'", types: ['Ingress'], ingress: [{ action: 'Allow', source: { selector: "app == 'lb'" } }] }, apiVersion)]);
    expect(o.noPolicy.found).toEqual([]);
    expect(o.notSelected.found).toEqual(['medium Deployment shop/db']);
    expect(o.noDefaultDeny.found).toEqual(['medium Namespace shop']);
  });

  it('a GlobalNetworkPolicy over every namespace but kube-system with no allow rule is a default deny', () => {
    const o = outcome([
      shop,
      web,
      db,
      gnp('default-deny', { selector: "projectcalico.org/namespace not in {'kube-system', 'calico-system'}", types: ['Ingress', 'Egress'] }),
      namespace('kube-system'),
      deployment('kube-system', 'coredns', restrictedSpec),
    ]);
    expect(o.noPolicy.found).toEqual(['medium Namespace kube-system']);
    expect([o.noDefaultDeny.found, o.notSelected.found]).toEqual([[], []]);
  });

  it('a namespaceSelector that does not match leaves the namespace open', () => {
    const o = outcome([shop, web, gnp('dev-only', { namespaceSelector: "env == 'dev'", selector: 'all()', types: ['Ingress'] })]);
    expect(o.noPolicy.found).toEqual(['medium Namespace shop']);
  });

  it('a selector it cannot parse, or a service-account selector, makes the pods not assessed', () => {
    const o = outcome([shop, web, db, calicoNp('odd', { selector: "app =~ 'w.*'", types: ['Ingress'] }), calicoNp('ok', { selector: "app == 'web'" })]);
    expect(o.notSelected.found).toEqual([]);
    expect(o.notSelected.notAssessed).toEqual([expect.stringMatching(/^Deployment shop\/db: Calico NetworkPolicy shop\/odd: Calico selector "app =~ 'w\.\*'" cannot be read/)]);
    const sa = outcome([shop, web, gnp('sa', { selector: 'all()', serviceAccountSelector: "role == 'api'", types: ['Ingress'] })]);
    expect(sa.noPolicy.notAssessed).toEqual([expect.stringContaining('Namespace shop: Calico GlobalNetworkPolicy sa selects by service-account labels')]);
    expect(sa.noPolicy.found).toEqual([]);
  });

  it('counts a policy served by both Calico APIs once, and skips its knp.default.* mirrors of Kubernetes policies', () => {
    const both = [calicoNp('web', { selector: "app == 'web'" }), calicoNp('web', { selector: "app == 'web'" }, 'crd.projectcalico.org/v1'), calicoNp('knp.default.x', { selector: 'all()' })];
    const o = outcome([shop, web, db, ...both]);
    expect(o.doc.findings.find((f) => f.resource.name === 'db')!.message).toContain('is not selected by the only Calico NetworkPolicy in shop');
  });

  it('keeps a Calico NetworkPolicy and a Kubernetes one of the same name apart', () => {
    const inv = inventoryOf([calicoNp('same', { selector: 'all()' }), obj('networking.k8s.io/v1', 'NetworkPolicy', 'same', 'shop', { podSelector: {} })]);
    expect([inv.objects.networkpolicies.length, inv.objects.caliconetworkpolicies.length]).toEqual([1, 1]);
  });
});

describe('AdminNetworkPolicy and BaselineAdminNetworkPolicy', () => {
  it('an ANP denying ingress from every namespace to tier=prod namespaces is their ingress default deny', () => {
    const o = outcome([
      shop,
      web,
      anp('AdminNetworkPolicy', 'prod-in', { priority: 10, subject: { namespaces: { matchLabels: { tier: 'prod' } } }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] }),
    ]);
    expect(o.noPolicy.found).toEqual([]);
    expect(o.noDefaultDeny.found).toEqual(['low Namespace shop']);
    expect(o.notSelected.found).toEqual([]);
  });

  it('a BANP Deny for app=web pods isolates web, not db', () => {
    const o = outcome([
      shop,
      web,
      db,
      anp('BaselineAdminNetworkPolicy', 'default', {
        subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } },
        ingress: [{ action: 'Deny', from: [{ namespaces: { matchLabels: { tier: 'dev' } } }] }],
      }),
    ]);
    expect(o.noPolicy.found).toEqual([]);
    expect(o.notSelected.found).toEqual(['medium Deployment shop/db']);
  });

  it('Pass and Allow rules isolate nothing', () => {
    const o = outcome([
      shop,
      web,
      anp('AdminNetworkPolicy', 'pass', { priority: 5, subject: { namespaces: {} }, ingress: [{ action: 'Pass', from: [{ namespaces: {} }] }, { action: 'Allow', from: [{ namespaces: {} }] }] }),
    ]);
    expect(o.noPolicy.found).toEqual(['medium Namespace shop']);
  });
});

describe('an engine whose policies cannot be read', () => {
  const forbidden: Partial<Record<ResourceKey, MissingKind>> = {
    ciliumnetworkpolicies: { reason: 'forbidden', detail: 'listing ciliumnetworkpolicies is forbidden to this identity' },
  };
  const crd = obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'ciliumnetworkpolicies.cilium.io', undefined, {});

  it('where it is installed, namespaces without a known policy are not assessed', () => {
    const o = outcome([shop, web, crd], forbidden);
    expect(o.noPolicy.found).toEqual([]);
    expect(o.noPolicy.notAssessed).toEqual(['Namespace shop: CiliumNetworkPolicies could not be read (listing ciliumnetworkpolicies is forbidden to this identity)']);
    expect(o.doc.namespaces.find((n) => n.name === 'shop')!.score).toBe(100); // neither pass nor fail counted
  });

  it('where it is not installed, the 403 changes nothing', () => {
    expect(outcome([shop, web], forbidden).noPolicy.found).toEqual(['medium Namespace shop']);
  });
});

describe('the namespace summary', () => {
  it('shows another engine’s default deny, and null where it cannot tell', () => {
    const of = (objects: K8sObject[]) => outcome(objects).doc.namespaces.find((n) => n.name === 'shop')!.defaultDeny;
    expect(of([shop, web, cnp('deny', { endpointSelector: {}, ingress: [{}], egress: [{}] })])).toEqual({ ingress: true, egress: true });
    expect(of([shop, web, gnp('in', { selector: 'all()', types: ['Ingress'] })])).toEqual({ ingress: true, egress: false });
    expect(of([shop, web, calicoNp('odd', { selector: "app =~ 'x'", types: ['Ingress'] })])).toBeNull();
  });
});

describe('the CLI table', () => {
  it('lists the objects an assessed check could not judge, with control characters from the cluster removed', async () => {
    const { formatTable } = await import('../../../cli/format-table');
    const o = outcome([shop, web, calicoNp('odd', { selector: "app =~ '\u001b[2Jx'", types: ['Ingress'] })]);
    const table = formatTable(o.doc);
    expect(table).toMatch(/NOT ASSESSED FOR SOME OBJECTS\n(.*\n)*  Deployment shop\/web \[pod-security\.workload-not-selected-by-network-policy\]: Calico NetworkPolicy\s+shop\/odd/);
    expect(table).not.toContain('\u001b');
  });
});
