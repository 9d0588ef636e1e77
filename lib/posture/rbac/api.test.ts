import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { binding, inventoryOf } from '../test-inventory';
import { parseSubject, parseWhoCan, subjectDetailJson, subjectsJson, whoCanJson } from './api';

const q = (s: string) => new URLSearchParams(s);
const secretReader: K8sObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name: 'secret-reader' },
  rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }],
};
const inv = inventoryOf([
  secretReader,
  binding('RoleBinding', 'bot-secrets', 'secret-reader', [{ kind: 'ServiceAccount', name: 'bot', namespace: 'shop' }], 'shop'),
  binding('ClusterRoleBinding', 'sa-everywhere', 'secret-reader', [{ kind: 'Group', name: 'system:serviceaccounts' }]),
]);

describe('input', () => {
  it('asks no question without parameters, and wants verb and resource together', () => {
    expect(parseWhoCan(q(''))).toEqual({ ok: true, value: null });
    expect(parseWhoCan(q('verb=get'))).toMatchObject({ ok: false, error: expect.stringContaining('both verb and resource') });
    expect(parseWhoCan(q('verb=get&resource=pods/exec&namespace=shop&group=apps'))).toEqual({
      ok: true,
      value: { verb: 'get', resource: 'pods/exec', namespace: 'shop', group: 'apps' },
    });
  });
  it('asks a cluster-scoped question with scope=cluster, and a non-resource one with url', () => {
    expect(parseWhoCan(q('verb=get&resource=pods&scope=cluster'))).toEqual({ ok: true, value: { verb: 'get', resource: 'pods', group: '', scope: 'cluster' } });
    expect(parseWhoCan(q('verb=get&resource=pods&scope=cluster&namespace=shop'))).toMatchObject({ ok: false, error: expect.stringContaining('not both') });
    expect(parseWhoCan(q('verb=get&resource=pods&scope=namespace'))).toMatchObject({ ok: false });
    expect(parseWhoCan(q('verb=get&url=/metrics'))).toEqual({ ok: true, value: { verb: 'get', url: '/metrics', group: '' } });
    expect(parseWhoCan(q('verb=get&url=/metrics&namespace=shop'))).toMatchObject({ ok: false });
    expect(parseWhoCan(q('verb=get&url=metrics'))).toMatchObject({ ok: false, error: 'url must be a path starting with /' });
    expect(parseWhoCan(q('verb=get&url=/a%20b'))).toMatchObject({ ok: false });
  });
  it('refuses over-long and malformed values', () => {
    expect(parseWhoCan(q(`verb=get&resource=${'a'.repeat(300)}`))).toMatchObject({ ok: false, error: 'resource is longer than 253 characters' });
    expect(parseWhoCan(q('verb=get&resource=secrets&namespace=Not_A_NS'))).toMatchObject({ ok: false });
    expect(parseWhoCan(q('verb=<script>&resource=secrets'))).toMatchObject({ ok: false });
  });
  it('accepts only the three subject kinds, and a namespace only for ServiceAccounts', () => {
    expect(parseSubject('Pod', 'x', null)).toMatchObject({ ok: false, error: 'kind must be one of User, Group, ServiceAccount' });
    expect(parseSubject('ServiceAccount', 'bot', null)).toMatchObject({ ok: false });
    expect(parseSubject('User', 'alice', 'shop')).toMatchObject({ ok: false });
    expect(parseSubject('User', 'x'.repeat(254), null)).toMatchObject({ ok: false });
    expect(parseSubject('ServiceAccount', 'bot', 'shop')).toEqual({ ok: true, value: { kind: 'ServiceAccount', namespace: 'shop', name: 'bot' } });
  });
});

describe('answers', () => {
  it('lists subjects with counts and scopes', () => {
    const out = subjectsJson(inv);
    expect(out.count).toBe(2);
    expect(out.subjects).toEqual([
      { kind: 'Group', name: 'system:serviceaccounts', bindings: 1, clusterWide: true, namespaces: [] },
      { kind: 'ServiceAccount', namespace: 'shop', name: 'bot', bindings: 1, clusterWide: false, namespaces: ['shop'] },
    ]);
    expect(out.incomplete).toEqual([]);
  });
  it('answers who can, naming binding, role, scope and rule, and the group a holder gets it through', () => {
    const out = whoCanJson(inv, { verb: 'get', resource: 'secrets', namespace: 'other', group: '' });
    const via = {
      binding: { kind: 'ClusterRoleBinding', name: 'sa-everywhere', namespace: null },
      role: { kind: 'ClusterRole', name: 'secret-reader', namespace: null },
      scope: 'cluster',
      roleMissing: false,
      rule: 'get on secrets in API group core',
      ruleFrom: 'secret-reader',
    };
    const through = { through: { kind: 'Group', name: 'system:serviceaccounts' } };
    expect(out.subjects).toEqual([
      { kind: 'Group', name: 'system:masters', superuser: true, reason: expect.stringContaining('authorizer itself'), via: [] },
      { kind: 'Group', name: 'system:serviceaccounts', via: [via] },
      // every member of system:serviceaccounts:shop is a ServiceAccount, so in system:serviceaccounts
      { kind: 'Group', name: 'system:serviceaccounts:shop', via: [{ ...via, ...through }] },
      { kind: 'ServiceAccount', namespace: 'shop', name: 'bot', via: [{ ...via, ...through }] },
    ]);
  });
  it("shows a subject's grants, including those through its groups", () => {
    const out = subjectDetailJson(inv, { kind: 'ServiceAccount', namespace: 'shop', name: 'bot' });
    expect(out.grants.map((g) => [g.binding.name, g.scope, g.via.name])).toEqual([
      ['bot-secrets', 'shop', 'bot'],
      ['sa-everywhere', 'cluster', 'system:serviceaccounts'],
    ]);
    expect(out.grants[0]!.rules[0]).toMatchObject({ verbs: ['get'], resources: ['secrets'], from: 'secret-reader' });
  });
  it('answers cluster-scoped and non-resource questions from ClusterRoleBindings only, and says so', () => {
    const cluster = inventoryOf([
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'all' },
        rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'metrics' },
        rules: [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }],
      },
      binding('RoleBinding', 'local-all', 'all', [{ kind: 'User', name: 'local' }], 'shop'),
      binding('ClusterRoleBinding', 'scraper', 'metrics', [{ kind: 'User', name: 'prom' }]),
      binding('RoleBinding', 'local-metrics', 'metrics', [{ kind: 'User', name: 'nope' }], 'shop'),
    ]);
    const nodes = whoCanJson(cluster, { verb: 'delete', resource: 'nodes', group: '' });
    expect(nodes.subjects.map((s) => s.name)).toEqual(['system:masters']);
    expect(nodes.notes).toEqual(['nodes is cluster-scoped: RoleBindings do not grant it.']);
    expect(whoCanJson(cluster, { verb: 'get', resource: 'pods', group: '', scope: 'cluster' }).subjects.map((s) => s.name)).toEqual(['system:masters']);
    expect(whoCanJson(cluster, { verb: 'get', resource: 'pods', group: '' }).subjects.map((s) => s.name)).toEqual(['system:masters', 'local']);
    const url = whoCanJson(cluster, { verb: 'get', url: '/metrics', group: '' });
    expect(url.subjects.map((s) => s.name)).toEqual(['system:masters', 'prom']);
  });
  it('answers a ServiceAccount asked by its user name as the ServiceAccount, and system:masters as superuser', () => {
    const out = subjectDetailJson(inv, { kind: 'User', name: 'system:serviceaccount:shop:bot' });
    expect(out.subject).toEqual({ kind: 'ServiceAccount', namespace: 'shop', name: 'bot' });
    expect(out.askedAs).toEqual({ kind: 'User', name: 'system:serviceaccount:shop:bot' });
    expect(out.grants.map((g) => g.binding.name)).toEqual(['bot-secrets', 'sa-everywhere']);
    expect(subjectDetailJson(inv, { kind: 'Group', name: 'system:masters' })).toMatchObject({ superuser: true, count: 0 });
  });
  it('says when get on pods/exec is counted because the version is unknown', () => {
    expect(whoCanJson(inv, { verb: 'create', resource: 'pods/exec', group: '' }).notes).toEqual([expect.stringMatching(/version is unknown/)]);
  });
  it('says when RBAC objects could not be read', () => {
    const partial = inventoryOf([], { missing: { rolebindings: { reason: 'forbidden', detail: '403' } } });
    expect(subjectsJson(partial).incomplete).toEqual(['rolebindings: forbidden']);
    const noCrds = inventoryOf([], { missing: { customresourcedefinitions: { reason: 'forbidden', detail: '403' } } });
    expect(subjectsJson(noCrds).incomplete).toEqual(['customresourcedefinitions: forbidden (custom resources are taken as namespaced)']);
  });
});
