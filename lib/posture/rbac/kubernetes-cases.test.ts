// The model held against the cases of Kubernetes' own tests (kubernetes/kubernetes): the RBAC
// authorizer (plugin/pkg/auth/authorizer/rbac/rbac_test.go: TestAuthorizer, TestRuleMatches), its
// subject locator (subject_locator_test.go: TestSubjectLocator), the rule resolver
// (pkg/registry/rbac/validation/rule_test.go: TestDefaultRuleResolver, TestAppliesTo) and the ClusterRole
// aggregation controller (pkg/controller/clusterroleaggregation: TestSyncClusterRole). Each test names
// the upstream case it restates; the inventories are ours.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../cluster/types';
import { binding, inventoryOf } from '../test-inventory';
import { buildRbacModel } from './model';
import { ruleAllows, ruleAllowsNonResource, type PolicyRule } from './rules';
import type { SubjectRef } from './subjects';

type Rule = Partial<PolicyRule>;
const cr = (name: string, rules: Rule[], labels: Record<string, string> = {}, selectors?: unknown[]): K8sObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels },
  rules,
  ...(selectors ? { aggregationRule: { clusterRoleSelectors: selectors } } : {}),
});
const role = (ns: string, name: string, rules: Rule[]): K8sObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'Role',
  metadata: { namespace: ns, name },
  rules,
});
const rbToRole = (ns: string, name: string, roleName: string, subjects: { kind: string; name: string; namespace?: string }[]): K8sObject => ({
  ...binding('RoleBinding', name, roleName, subjects, ns),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
});
const user = (name: string) => ({ kind: 'User', name });
const group = (name: string) => ({ kind: 'Group', name });
const U = (name: string): SubjectRef => ({ kind: 'User', name });
const G = (name: string): SubjectRef => ({ kind: 'Group', name });
const rule = (r: Rule): PolicyRule => ({ verbs: [], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [], ...r });
const names = (ms: { subject: SubjectRef }[]) =>
  ms.map((m) => (m.subject.kind === 'ServiceAccount' ? `${m.subject.namespace}/${m.subject.name}` : m.subject.name));
const everything: Rule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'], nonResourceURLs: ['*'] };

describe('ClusterRole aggregation (TestSyncClusterRole)', () => {
  const hammer: Rule[] = [
    { verbs: ['hammer'], apiGroups: [''], resources: ['nails'] },
    { verbs: ['hammer'], apiGroups: [''], resources: ['wedges'] },
  ];
  const chisel: Rule[] = [{ verbs: ['chisel'], apiGroups: [''], resources: ['mortises'] }];
  const saw: Rule[] = [{ verbs: ['saw'], apiGroups: [''], resources: ['boards'] }];
  const rulesOfCombined = (objects: K8sObject[]) =>
    buildRbacModel(inventoryOf([...objects, binding('ClusterRoleBinding', 'b', 'combined', [user('u')])]))
      .permissionsOf(U('u'))
      .flatMap((g) => g.rules.map((r) => `${r.from}:${r.rule.verbs[0]} ${r.rule.resources[0]}`));

  it('"remove dead rules": the stored rules of an aggregated role are replaced, not kept beside the selected ones', () => {
    expect(rulesOfCombined([cr('hammer', hammer, { foo: 'bar' }), cr('combined', saw, {}, [{ matchLabels: { foo: 'bar' } }])])).toEqual([
      'hammer:hammer nails',
      'hammer:hammer wedges',
    ]);
  });

  it('"strip rules": an aggregated role that selects nothing grants nothing, whatever it stores', () => {
    expect(rulesOfCombined([cr('hammer', hammer, { foo: 'not-bar' }), cr('combined', hammer, {}, [{ matchLabels: { foo: 'bar' } }])])).toEqual([]);
  });

  it('"select properly and put in order" / "with multiple selectors" / "remove duplicates": selector order, then role name, each rule once', () => {
    const objects = [
      cr('hammer', hammer, { foo: 'bar' }),
      cr('chisel', chisel, { foo: 'bar' }),
      cr('saw', saw, { foo: 'bar' }),
      cr('other-saw', saw, { foo: 'not-bar' }),
      cr('combined', [], {}, [{ matchLabels: { foo: 'bar' } }, { matchLabels: { foo: 'not-bar' } }]),
    ];
    expect(rulesOfCombined(objects)).toEqual(['chisel:chisel mortises', 'hammer:hammer nails', 'hammer:hammer wedges', 'saw:saw boards']);
  });

  it('an aggregated role whose selector also matches itself does not feed itself its stored rules', () => {
    expect(rulesOfCombined([cr('combined', saw, { foo: 'bar' }, [{ matchLabels: { foo: 'bar' } }])])).toEqual([]);
  });

  it('two roles selecting each other hold the union of both (whatever order the controller syncs them in)', () => {
    const objects = [
      cr('a', chisel, { ring: 'b' }, [{ matchLabels: { ring: 'a' } }]),
      cr('combined', saw, { ring: 'a' }, [{ matchLabels: { ring: 'b' } }]),
      cr('hammer', hammer, { ring: 'b' }),
    ];
    expect(rulesOfCombined(objects).sort()).toEqual(['a:chisel mortises', 'combined:saw boards', 'hammer:hammer nails', 'hammer:hammer wedges']);
  });
});

describe('resource requests (TestAuthorizer, TestRuleMatches)', () => {
  it('TestAuthorizer case 0: a RoleBinding to an all-powerful ClusterRole reaches its namespace, never another one or nodes', () => {
    const m = buildRbacModel(inventoryOf([cr('admin', [everything]), binding('RoleBinding', 'rb', 'admin', [user('admin'), group('admins')], 'ns1')]));
    expect(names(m.whoCan('watch', 'foobar', { namespace: 'ns1' }))).toEqual(['system:masters', 'admin', 'admins']);
    expect(names(m.whoCan('get', 'pods', { namespace: 'ns2' }))).toEqual(['system:masters']);
    // nodes are cluster-scoped: the request has no namespace, so RoleBindings are not consulted
    expect(names(m.whoCan('get', 'nodes'))).toEqual(['system:masters']);
    expect(names(m.whoCan('get', 'nodes', { namespace: 'ns1' }))).toEqual(['system:masters']);
    expect(m.allows(U('admin'), 'delete', 'persistentvolumes').grants).toEqual([]);
    expect(m.allows(U('admin'), 'create', 'clusterroles', { group: 'rbac.authorization.k8s.io' }).grants).toEqual([]);
    expect(m.allows(U('admin'), 'approve', 'signers', { group: 'certificates.k8s.io' }).grants).toEqual([]);
  });

  it('a cluster-scoped custom resource (CRD spec.scope Cluster) is not granted by a RoleBinding; a namespaced one is', () => {
    const crd = (plural: string, scope: string): K8sObject => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.acme.io` },
      spec: { group: 'acme.io', scope, names: { plural } },
    });
    const m = buildRbacModel(
      inventoryOf([
        crd('clusterwidgets', 'Cluster'),
        crd('widgets', 'Namespaced'),
        cr('all', [everything]),
        binding('RoleBinding', 'rb', 'all', [user('eve')], 'ns1'),
      ]),
    );
    expect(m.allows(U('eve'), 'delete', 'clusterwidgets', { group: 'acme.io', namespace: 'ns1' }).grants).toEqual([]);
    expect(m.allows(U('eve'), 'delete', 'widgets', { group: 'acme.io', namespace: 'ns1' }).grants).toHaveLength(1);
  });

  it('a RoleBinding reaches the namespace object it lives in (GET /api/v1/namespaces/ns1 carries namespace ns1), not others, nor list', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('ns-admin', [{ verbs: ['*'], apiGroups: [''], resources: ['namespaces'] }]),
        binding('RoleBinding', 'rb', 'ns-admin', [user('eve')], 'ns1'),
      ]),
    );
    expect(m.allows(U('eve'), 'delete', 'namespaces', { namespace: 'ns1', name: 'ns1' }).grants).toHaveLength(1);
    expect(m.allows(U('eve'), 'delete', 'namespaces', { namespace: 'ns2', name: 'ns2' }).grants).toEqual([]);
    expect(m.allows(U('eve'), 'list', 'namespaces').grants).toEqual([]);
    expect(m.allows(U('eve'), 'delete', 'namespaces', { clusterScoped: true }).grants).toEqual([]);
  });

  it('bind on a ClusterRole is asked in the namespace of the RoleBinding being written (escalation_check.go BindingAuthorized)', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('binder', [{ verbs: ['bind'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'] }]),
        binding('RoleBinding', 'rb', 'binder', [user('eve')], 'ns1'),
      ]),
    );
    const rbac = { group: 'rbac.authorization.k8s.io' };
    expect(m.allows(U('eve'), 'bind', 'clusterroles', { ...rbac, namespace: 'ns1', name: 'admin' }).grants).toHaveLength(1);
    expect(m.allows(U('eve'), 'bind', 'clusterroles', { ...rbac, clusterScoped: true, name: 'admin' }).grants).toEqual([]);
    expect(m.allows(U('eve'), 'bind', 'clusterroles', { ...rbac, namespace: 'ns2' }).grants).toEqual([]);
  });

  it('TestDefaultRuleResolver "without a namespace, only cluster rules apply": a cluster-scoped question ignores RoleBindings', () => {
    const m = buildRbacModel(
      inventoryOf([
        role('namespace1', 'readthings', [{ verbs: ['get', 'watch'], apiGroups: [''], resources: ['pods', 'services'] }]),
        rbToRole('namespace1', 'rb', 'readthings', [user('foobar'), group('group1')]),
        cr('cluster-admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]),
        binding('ClusterRoleBinding', 'crb', 'cluster-admin', [user('admin'), group('admin')]),
      ]),
    );
    expect(m.allows(U('foobar'), 'get', 'pods', { namespace: 'namespace1' }).grants).toHaveLength(1);
    expect(m.allows(U('foobar'), 'get', 'pods', { namespace: 'namespace2' }).grants).toEqual([]);
    expect(m.allows(U('foobar'), 'get', 'pods', { clusterScoped: true }).grants).toEqual([]);
    expect(names(m.whoCan('get', 'pods', { clusterScoped: true }))).toEqual(['system:masters', 'admin', 'admin']);
  });

  it('TestAuthorizer "test subresource resolution": pods does not grant pods/status, nor pods/status pods', () => {
    const pods = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['pods'] });
    const status = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['pods/status'] });
    expect(ruleAllows(pods, { verb: 'get', group: '', resource: 'pods' })).toBe(true);
    expect(ruleAllows(pods, { verb: 'get', group: '', resource: 'pods', subresource: 'status' })).toBe(false);
    expect(ruleAllows(status, { verb: 'get', group: '', resource: 'pods', subresource: 'status' })).toBe(true);
    expect(ruleAllows(status, { verb: 'get', group: '', resource: 'pods' })).toBe(false);
  });

  it('TestRuleMatches "subresource expansion", and */<sub> never matches a request without a subresource', () => {
    const sub = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['resource1/subresource1'] });
    expect(ruleAllows(sub, { verb: 'verb1', group: 'group1', resource: 'resource1', subresource: 'subresource1' })).toBe(true);
    expect(ruleAllows(sub, { verb: 'verb1', group: 'group2', resource: 'resource1', subresource: 'subresource2' })).toBe(false);
    expect(ruleAllows(sub, { verb: 'verb1', group: 'group1', resource: 'resource2', subresource: 'subresource1' })).toBe(false);
    const starSlash = rule({ verbs: ['*'], apiGroups: ['*'], resources: ['*/'] });
    expect(ruleAllows(starSlash, { verb: 'get', group: '', resource: 'pods', subresource: '' })).toBe(false);
    expect(ruleAllows(starSlash, { verb: 'get', group: '', resource: 'pods' })).toBe(false);
    const scale = rule({ verbs: ['update'], apiGroups: ['apps'], resources: ['*/scale'] });
    expect(ruleAllows(scale, { verb: 'update', group: 'apps', resource: 'deployments', subresource: 'scale' })).toBe(true);
  });
});

describe('non-resource URLs (TestAuthorizer non-resource-url case, TestRuleMatches)', () => {
  it('"star nonresource subpath": /foo/* matches below /foo, not /foo itself nor /notfoo', () => {
    const r = rule({ verbs: ['verb1'], nonResourceURLs: ['/foo/*'] });
    expect(['/foo', '/foo/bar', '/foo/baz/one', '/notfoo/bar'].map((path) => ruleAllowsNonResource(r, { verb: 'verb1', path }))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
  it('"star verb, exact nonresource" and "star nonresource, exact match other"', () => {
    const exact = rule({ verbs: ['*'], nonResourceURLs: ['/foo', '/foo/bar/one'] });
    expect(['/foo', '/foo/bar', '/foo/bar/one'].map((path) => ruleAllowsNonResource(exact, { verb: 'verb2', path }))).toEqual([true, false, true]);
    const star = rule({ verbs: ['verb1'], nonResourceURLs: ['*'] });
    expect([ruleAllowsNonResource(star, { verb: 'verb1', path: '/foo/baz/one' }), ruleAllowsNonResource(star, { verb: 'verb2', path: '/foo' })]).toEqual([
      true,
      false,
    ]);
  });
  it('whoCanURL: getter, everything and prefixed roles through ClusterRoleBindings; a RoleBinding grants no URL', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('non-resource-url-getter', [{ verbs: ['get'], nonResourceURLs: ['/apis'] }]),
        cr('non-resource-url', [{ verbs: ['*'], nonResourceURLs: ['/apis'] }]),
        cr('non-resource-url-prefix', [{ verbs: ['get'], nonResourceURLs: ['/apis/*'] }]),
        binding('ClusterRoleBinding', 'g', 'non-resource-url-getter', [user('foo'), group('bar')]),
        binding('ClusterRoleBinding', 'a', 'non-resource-url', [user('admin'), group('admin')]),
        binding('ClusterRoleBinding', 'p', 'non-resource-url-prefix', [user('prefixed'), group('prefixed')]),
        binding('RoleBinding', 'ns', 'non-resource-url', [user('local')], 'ns1'),
      ]),
    );
    expect(names(m.whoCanURL('get', '/apis')).sort()).toEqual(['admin', 'admin', 'bar', 'foo', 'system:masters']);
    expect(names(m.whoCanURL('watch', '/apis')).sort()).toEqual(['admin', 'admin', 'system:masters']);
    expect(names(m.whoCanURL('get', '/apis/v1/foobar')).sort()).toEqual(['prefixed', 'prefixed', 'system:masters']);
    expect(names(m.whoCanURL('get', '/api/v1'))).toEqual(['system:masters']);
  });
});

describe('subjects (TestAppliesTo, TestSubjectLocator)', () => {
  it('"multiple subjects with a service account that matches": a ServiceAccount subject applies to its user name', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('r', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
        binding('RoleBinding', 'rb', 'r', [user('barfoo'), group('foobar'), { kind: 'ServiceAccount', namespace: 'kube-system', name: 'default' }], 'default'),
      ]),
    );
    // asked in its User form, the ServiceAccount gets its grants (and its groups')
    expect(m.permissionsOf(U('system:serviceaccount:kube-system:default')).map((g) => g.binding.name)).toEqual(['rb']);
    expect(m.allows(U('system:serviceaccount:kube-system:default'), 'get', 'pods', { namespace: 'default' }).grants).toHaveLength(1);
  });

  it('only system:serviceaccount:<ns>:<name> with valid names is a ServiceAccount; "* user subject name doesn\'t match all users"', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('r', [{ verbs: ['get'], apiGroups: [''], resources: ['secrets'] }]),
        binding('ClusterRoleBinding', 'extra', 'r', [user('system:serviceaccount:ci:builder:extra')]),
        binding('ClusterRoleBinding', 'star', 'r', [user('*')]),
      ]),
    );
    expect(m.permissionsOf({ kind: 'ServiceAccount', namespace: 'ci', name: 'builder' })).toEqual([]);
    expect(m.permissionsOf(U('system:serviceaccount:ci:builder:extra')).map((g) => g.binding.name)).toEqual(['extra']);
    expect(m.grants.find((g) => g.binding.name === 'extra')!.subject).toEqual(U('system:serviceaccount:ci:builder:extra'));
    expect(m.permissionsOf(U('system:serviceaccount:CI:builder'))).toEqual([]);
    expect(m.permissionsOf(U('foobar'))).toEqual([]);
  });

  it('"binding to all authenticated and unauthenticated subjects matches authenticated user / anonymous user"', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('r', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]),
        binding('ClusterRoleBinding', 'all', 'r', [group('system:authenticated'), group('system:unauthenticated')]),
      ]),
    );
    expect(m.permissionsOf(U('foobar'))).toHaveLength(1);
    expect(m.permissionsOf(U('system:anonymous'))).toHaveLength(1);
  });

  it('"no super user, star matches star": system:masters first, then ClusterRoleBinding subjects, then the namespace\'s RoleBinding subjects', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('admin', [everything]),
        binding('ClusterRoleBinding', 'crb', 'admin', [user('super-admin'), group('super-admins')]),
        binding('RoleBinding', 'rb', 'admin', [user('admin'), group('admins')], 'ns1'),
      ]),
    );
    expect(names(m.whoCan('get', 'pods', { namespace: 'ns1' }))).toEqual(['system:masters', 'super-admin', 'super-admins', 'admin', 'admins']);
    // a namespace literally named '*' is just another namespace; and without a namespace, only cluster grants
    expect(names(m.whoCan('*', 'pods', { namespace: '*' }))).toEqual(['system:masters', 'super-admin', 'super-admins']);
    expect(names(m.whoCan('*', 'pods', { clusterScoped: true }))).toEqual(['system:masters', 'super-admin', 'super-admins']);
  });

  it('system:masters holds everything with no binding; a group is credited with the grants of the groups all its members are in', () => {
    const m = buildRbacModel(
      inventoryOf([
        cr('r', [{ verbs: ['list'], apiGroups: [''], resources: ['configmaps'] }]),
        binding('ClusterRoleBinding', 'authn', 'r', [group('system:authenticated')]),
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { namespace: 'ci', name: 'builder' } },
      ]),
    );
    expect(m.allows(G('system:masters'), 'delete', 'nodes')).toEqual({ grants: [], superuser: true });
    const holders = m.whoCan('list', 'configmaps', { namespace: 'ci' });
    expect(names(holders)).toEqual(['system:masters', 'system:authenticated', 'ci/builder', 'system:serviceaccounts', 'system:serviceaccounts:ci']);
    // each credited holder names the group its grant comes through
    expect(holders.find((h) => h.subject.name === 'builder')!.grants[0]!.grant.subject).toEqual(G('system:authenticated'));
    // and the User form of the ServiceAccount resolves to it, with its three groups
    expect(m.permissionsOf(U('system:serviceaccount:ci:builder')).map((g) => g.binding.name)).toEqual(['authn']);
  });
});

describe('exec, attach and port-forward by cluster version (AuthorizePodWebsocketUpgradeCreatePermission, 1.35)', () => {
  const objects = [
    cr('viewer', [{ verbs: ['get'], apiGroups: [''], resources: ['pods', 'pods/exec', 'pods/portforward'] }]),
    binding('ClusterRoleBinding', 'v', 'viewer', [user('eve')]),
  ];
  it('before 1.35, and when the version is unknown, get on pods/exec opens a session', () => {
    for (const version of ['v1.34.2', undefined]) {
      const m = buildRbacModel(inventoryOf(objects, { version }));
      expect(m.allows(U('eve'), 'create', 'pods/exec', { namespace: 'shop' }).grants).toEqual([expect.objectContaining({ viaGet: true })]);
      expect(m.allows(U('eve'), 'create', 'pods/portforward', { namespace: 'shop' }).grants).toHaveLength(1);
    }
    expect(buildRbacModel(inventoryOf(objects)).connect.note).toMatch(/version is unknown/);
    expect(buildRbacModel(inventoryOf(objects, { version: 'v1.34.2' })).connect.note).toBeNull();
  });
  it('from 1.35 only create does', () => {
    const m = buildRbacModel(inventoryOf(objects, { version: 'v1.35.0' }));
    expect(m.allows(U('eve'), 'create', 'pods/exec', { namespace: 'shop' }).grants).toEqual([]);
    expect(m.connect).toEqual({ verbs: ['create'], note: null });
  });
});
