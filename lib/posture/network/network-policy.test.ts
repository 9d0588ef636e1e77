import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { defaultDenyOf, isDefaultDeny, openRule, policyTypes, selectsPod } from './network-policy';

const np = (spec: Record<string, unknown>): K8sObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'p', namespace: 'shop' },
  spec,
});

describe('policyTypes', () => {
  it('uses spec.policyTypes, else Ingress plus Egress when egress rules exist', () => {
    expect(policyTypes(np({ podSelector: {}, policyTypes: ['Egress'] }))).toEqual(['Egress']);
    expect(policyTypes(np({ podSelector: {} }))).toEqual(['Ingress']);
    expect(policyTypes(np({ podSelector: {}, egress: [{}] }))).toEqual(['Ingress', 'Egress']);
  });
});

describe('isDefaultDeny', () => {
  it('needs podSelector {}, the direction in policyTypes and no rule for it', () => {
    const both = np({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect([isDefaultDeny(both, 'Ingress'), isDefaultDeny(both, 'Egress')]).toEqual([true, true]);
    const ingressOnly = np({ podSelector: {} });
    expect([isDefaultDeny(ingressOnly, 'Ingress'), isDefaultDeny(ingressOnly, 'Egress')]).toEqual([true, false]);
    expect(isDefaultDeny(np({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress'] }), 'Ingress')).toBe(false);
    expect(isDefaultDeny(np({ podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] }), 'Ingress')).toBe(false);
    expect(isDefaultDeny(np({ podSelector: {}, policyTypes: ['Egress'], egress: [] }), 'Egress')).toBe(true);
  });

  it('combines a namespace’s policies per direction', () => {
    expect(defaultDenyOf([np({ podSelector: {}, policyTypes: ['Egress'] }), np({ podSelector: {} })])).toEqual({ ingress: true, egress: true });
    expect(defaultDenyOf([np({ podSelector: { matchLabels: { app: 'grafana' } } })])).toEqual({ ingress: false, egress: false });
    expect(defaultDenyOf([])).toEqual({ ingress: false, egress: false });
  });
});

describe('selectsPod', () => {
  it('matches the pod selector, and an omitted selector selects all', () => {
    expect(selectsPod(np({ podSelector: { matchLabels: { app: 'web' } } }), { app: 'web' })).toBe(true);
    expect(selectsPod(np({ podSelector: { matchLabels: { app: 'web' } } }), { app: 'db' })).toBe(false);
    expect(selectsPod(np({}), { app: 'db' })).toBe(true);
  });
});

describe('openRule', () => {
  it('finds rules that allow everything', () => {
    expect(openRule({}, 'Ingress')).toBe('no "from": any source');
    expect(openRule({}, 'Egress')).toBe('no "to": any destination');
    expect(openRule({ from: [{ namespaceSelector: {} }] }, 'Ingress')).toBe('from every pod in every namespace');
    expect(openRule({ from: [{ namespaceSelector: {}, podSelector: {} }] }, 'Ingress')).toBe('from every pod in every namespace');
    expect(openRule({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }, 'Egress')).toBe('to ipBlock 0.0.0.0/0');
    expect(openRule({ to: [{ podSelector: { matchLabels: { a: 'b' } } }, { ipBlock: { cidr: '::/0' } }] }, 'Egress')).toBe('to ipBlock ::/0');
  });

  it('leaves narrowed rules alone', () => {
    expect(openRule({ from: [{ podSelector: {} }] }, 'Ingress')).toBeNull(); // its own namespace only
    expect(openRule({ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'prom' } } }] }, 'Ingress')).toBeNull();
    expect(openRule({ from: [{ namespaceSelector: { matchLabels: { team: 'x' } } }] }, 'Ingress')).toBeNull();
    expect(openRule({ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }, 'Egress')).toBeNull();
    expect(openRule({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443 }] }, 'Egress')).toBeNull();
    expect(openRule({ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }, 'Egress')).toBeNull();
  });
});
