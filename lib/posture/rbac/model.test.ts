import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { binding, inventoryOf } from '../test-inventory';
import { buildRbacModel, rbacModel } from './model';
import { describeRule, ruleAllows, type PolicyRule } from './rules';

type Rule = Partial<PolicyRule>;
const clusterRole = (name: string, rules: Rule[], opts: { labels?: Record<string, string>; aggregate?: unknown[] } = {}): K8sObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels: opts.labels ?? {} },
  rules,
  ...(opts.aggregate ? { aggregationRule: { clusterRoleSelectors: opts.aggregate } } : {}),
});
const role = (ns: string, name: string, rules: Rule[]): K8sObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { name, namespace: ns },
  rules,
});
const roleBindingToRole = (ns: string, name: string, roleName: string, subjects: { kind: string; name: string; namespace?: string }[]): K8sObject => ({
  ...binding('RoleBinding', name, roleName, subjects, ns),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
});
const readSecrets: Rule = { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] };
const readPods: Rule = { apiGroups: [''], resources: ['pods'], verbs: ['get'] };

describe('rule matching', () => {
  const rule = (r: Rule): PolicyRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });
  it("honours '*' in verbs, groups and resources, and '*/sub' for subresources only", () => {
    const all = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    expect(ruleAllows(all, { verb: 'delete', group: 'apps', resource: 'deployments', subresource: 'scale' })).toBe(true);
    const scale = rule({ verbs: ['update'], apiGroups: ['apps'], resources: ['*/scale'] });
    expect(ruleAllows(scale, { verb: 'update', group: 'apps', resource: 'deployments', subresource: 'scale' })).toBe(true);
    expect(ruleAllows(scale, { verb: 'update', group: 'apps', resource: 'deployments' })).toBe(false);
    // 'pods' does not grant 'pods/exec'
    expect(
      ruleAllows(rule({ verbs: ['create'], apiGroups: [''], resources: ['pods'] }), { verb: 'create', group: '', resource: 'pods', subresource: 'exec' }),
    ).toBe(false);
  });
  it('grants a rule limited by resourceNames only on the named objects', () => {
    const named = rule({ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['tls'] });
    expect(ruleAllows(named, { verb: 'get', group: '', resource: 'secrets' })).toBe(false);
    expect(ruleAllows(named, { verb: 'get', group: '', resource: 'secrets', name: 'tls' })).toBe(true);
    expect(ruleAllows(named, { verb: 'get', group: '', resource: 'secrets', name: 'db' })).toBe(false);
  });
  it('describes wildcards in words', () => {
    expect(describeRule(rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }))).toBe('every verb on every resource in every API group');
  });
});

describe('aggregated ClusterRoles', () => {
  it('unions the rules of every selected role, transitively, naming the feeder', () => {
    const inv = inventoryOf([
      clusterRole('reader', [], { aggregate: [{ matchLabels: { 'acme/agg-reader': 'true' } }] }),
      clusterRole('reader-pods', [readPods], { labels: { 'acme/agg-reader': 'true' } }),
      // itself aggregated (matchExpressions), and labelled to feed 'reader'
      clusterRole('reader-extra', [], {
        labels: { 'acme/agg-reader': 'true' },
        aggregate: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['secret'] }] }],
      }),
      clusterRole('secret-feeder', [readSecrets], { labels: { tier: 'secret' } }),
      clusterRole('unrelated', [{ apiGroups: [''], resources: ['nodes'], verbs: ['delete'] }], { labels: { tier: 'other' } }),
      binding('ClusterRoleBinding', 'readers', 'reader', [{ kind: 'Group', name: 'sre' }]),
    ]);
    const grants = rbacModel(inv).permissionsOf({ kind: 'Group', name: 'sre' });
    expect(grants).toHaveLength(1);
    expect(grants[0]!.rules.map((r) => `${r.from}:${r.rule.resources.join()}`).sort()).toEqual(['reader-pods:pods', 'secret-feeder:secrets']);
    // system:masters holds everything through the authorizer itself: always listed first.
    expect(
      rbacModel(inv)
        .whoCan('list', 'secrets')
        .map((m) => m.subject.name),
    ).toEqual(['system:masters', 'sre']);
    expect(
      rbacModel(inv)
        .whoCan('delete', 'nodes')
        .map((m) => m.subject.name),
    ).toEqual(['system:masters']);
  });

  it('survives roles that aggregate each other and an empty selector', () => {
    const inv = inventoryOf([
      clusterRole('a', [readPods], { labels: { ring: 'b' }, aggregate: [{ matchLabels: { ring: 'a' } }] }),
      clusterRole('b', [readSecrets], { labels: { ring: 'a' }, aggregate: [{ matchLabels: { ring: 'b' } }] }),
      // {} selects every ClusterRole, itself excepted
      clusterRole('everything', [], { aggregate: [{}] }),
      binding('ClusterRoleBinding', 'ab', 'a', [{ kind: 'User', name: 'u' }]),
      binding('ClusterRoleBinding', 'all', 'everything', [{ kind: 'User', name: 'v' }]),
    ]);
    const m = rbacModel(inv);
    const rulesOf = (user: string) => m.permissionsOf({ kind: 'User', name: user }).flatMap((g) => g.rules.map((r) => r.rule.resources.join()));
    expect(rulesOf('u').sort()).toEqual(['pods', 'secrets']);
    expect(rulesOf('v').sort()).toEqual(['pods', 'secrets']);
  });
});

describe('aggregation the controller cannot parse', () => {
  it('leaves a role whose selector is invalid (In without values) as stored, as the controller fails to sync it', () => {
    const inv = inventoryOf([
      clusterRole('broken', [readPods], { aggregate: [{ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] }] }),
      clusterRole('secret-feeder', [readSecrets], { labels: { tier: 'secret' } }),
      binding('ClusterRoleBinding', 'b', 'broken', [{ kind: 'User', name: 'u' }]),
    ]);
    const rules = rbacModel(inv)
      .permissionsOf({ kind: 'User', name: 'u' })
      .flatMap((g) => g.rules.map((r) => r.rule.resources.join()));
    expect(rules).toEqual(['pods']);
  });
});

describe('subjects', () => {
  const inv = inventoryOf([
    clusterRole('secret-reader', [readSecrets]),
    clusterRole('pod-reader', [readPods]),
    binding('ClusterRoleBinding', 'everyone-reads-pods', 'pod-reader', [{ kind: 'Group', name: 'system:authenticated' }]),
    binding('ClusterRoleBinding', 'all-sas', 'pod-reader', [{ kind: 'Group', name: 'system:serviceaccounts:ci' }]),
    binding('RoleBinding', 'sa-secrets', 'secret-reader', [{ kind: 'ServiceAccount', name: 'builder' }], 'ci'),
    binding('RoleBinding', 'as-user', 'secret-reader', [{ kind: 'User', name: 'system:serviceaccount:ci:builder' }], 'shop'),
    binding('RoleBinding', 'team', 'secret-reader', [{ kind: 'Group', name: 'team-a' }], 'shop'),
  ]);
  const m = rbacModel(inv);

  it("gives a ServiceAccount its own grants plus its namespace's, all service accounts' and authenticated users' groups", () => {
    const grants = m.permissionsOf({ kind: 'ServiceAccount', namespace: 'ci', name: 'builder' });
    expect(grants.map((g) => g.binding.name).sort()).toEqual(['all-sas', 'as-user', 'everyone-reads-pods', 'sa-secrets']);
    // a subject without namespace in a RoleBinding is the binding's namespace
    expect(grants.find((g) => g.binding.name === 'sa-secrets')!.scope).toBe('ci');
    expect(m.permissionsOf({ kind: 'ServiceAccount', namespace: 'shop', name: 'builder' }).map((g) => g.binding.name)).toEqual(['everyone-reads-pods']);
  });

  it('gives a user and a group the authenticated group, and a group only its own bindings otherwise', () => {
    expect(m.permissionsOf({ kind: 'User', name: 'alice' }).map((g) => g.binding.name)).toEqual(['everyone-reads-pods']);
    expect(m.permissionsOf({ kind: 'Group', name: 'team-a' }).map((g) => g.binding.name)).toEqual(['team', 'everyone-reads-pods']);
  });

  it('limits a RoleBinding to a ClusterRole to its namespace', () => {
    const inShop = m.whoCan('get', 'secrets', { namespace: 'shop' });
    expect(inShop.map((x) => `${x.subject.kind}:${x.subject.name}`).sort()).toEqual(['Group:system:masters', 'Group:team-a', 'ServiceAccount:builder']);
    expect(m.whoCan('get', 'secrets', { namespace: 'payments' }).map((x) => x.subject.name)).toEqual(['system:masters']);
    // without a namespace: anywhere, each grant with its scope
    expect(
      m
        .whoCan('get', 'secrets')
        .flatMap((x) => x.grants.map((g) => g.grant.scope))
        .sort(),
    ).toEqual(['ci', 'shop', 'shop']);
  });

  it('lists subjects with their binding counts and scopes', () => {
    const team = m.subjects().find((s) => s.subject.name === 'team-a')!;
    expect(team).toMatchObject({ bindings: 1, namespaces: ['shop'], clusterWide: false });
  });

  it('keeps a Role from another namespace out, and a missing role grants nothing', () => {
    const inv2 = inventoryOf([
      role('a', 'r', [readSecrets]),
      roleBindingToRole('b', 'wrong-ns', 'r', [{ kind: 'User', name: 'x' }]),
      roleBindingToRole('a', 'right-ns', 'r', [{ kind: 'User', name: 'y' }]),
    ]);
    const m2 = buildRbacModel(inv2);
    expect(m2.whoCan('get', 'secrets').map((x) => x.subject.name)).toEqual(['system:masters', 'y']);
    expect(m2.permissionsOf({ kind: 'User', name: 'x' })[0]!.roleMissing).toBe(true);
  });
});

describe('scale', () => {
  // Speed is measured by `npm run bench`, not here: this checks results at that size.
  it('builds a model of 20,000 bindings and answers a query', () => {
    const objects: K8sObject[] = [clusterRole('view', [readPods]), clusterRole('sec', [readSecrets])];
    for (let i = 0; i < 20_000; i++) {
      const ns = `ns-${i % 500}`;
      objects.push(binding('RoleBinding', `rb-${i}`, i % 2 ? 'view' : 'sec', [{ kind: 'ServiceAccount', name: `sa-${i}`, namespace: ns }], ns));
    }
    const inv = inventoryOf(objects);
    const m = rbacModel(inv);
    const hits = m.whoCan('list', 'secrets', { namespace: 'ns-2' });
    expect(hits).toHaveLength(41); // i ≡ 2 (mod 500) is even: every one binds sec; and system:masters
    expect(rbacModel(inv)).toBe(m); // memoised on the inventory
  });
});
