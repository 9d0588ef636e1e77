// A failing and a passing inventory for each RBAC permission check, plus the shared weighting rules.
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { isNotAssessed, type Check, type RawFinding } from '../../check';
import { binding, deployment, inventoryOf, restrictedSpec } from '../../test-inventory';
import { run as runCheck } from '../test-support';
import approvesCsrs from './approves-csrs';
import broadDelete from './broad-delete';
import createsSaTokens from './creates-sa-tokens';
import createsWorkloads from './creates-workloads';
import deletesEvents from './deletes-events';
import editsAdmissionWebhooks from './edits-admission-webhooks';
import escalateBindImpersonate from './escalate-bind-impersonate';
import execAttachPods from './exec-attach-pods';
import nodesProxy from './nodes-proxy';
import portForwardPods from './port-forward-pods';
import readsSecrets from './reads-secrets';
import wildcardPermissions from './wildcard-permissions';

type Rule = { apiGroups: string[]; resources: string[]; verbs: string[]; resourceNames?: string[] };
const clusterRole = (name: string, rules: Rule[], labels: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: { name, labels },
  rules,
});
const user = (name: string) => ({ kind: 'User', name });
const sa = (namespace: string, name: string) => ({ kind: 'ServiceAccount', namespace, name });
const run = (check: Check, objects: K8sObject[], version?: string): RawFinding[] => runCheck(check, objects, { version });
/** The role bound cluster-wide to user eve. */
const granted = (rules: Rule[]) => [clusterRole('r', rules), binding('ClusterRoleBinding', 'eve-r', 'r', [user('eve')])];

const cases: { check: Check; failing: K8sObject[]; passing: K8sObject[]; expect: RegExp }[] = [
  {
    check: wildcardPermissions,
    failing: granted([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
    passing: [
      ...granted([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] }]),
      // cluster-admin itself is rbac.binds-cluster-admin's
      clusterRole('cluster-admin', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
      binding('ClusterRoleBinding', 'ops', 'cluster-admin', [user('ops')]),
    ],
    expect: /ClusterRoleBinding eve-r lets User eve every verb on every resource in every API group across the whole cluster, through ClusterRole r/,
  },
  {
    check: escalateBindImpersonate,
    failing: granted([{ apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] }]),
    passing: granted([{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: ['create', 'get'] }]),
    expect: /lets User eve impersonate users and groups across the whole cluster/,
  },
  {
    check: readsSecrets,
    failing: granted([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]),
    passing: granted([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'], resourceNames: ['app-tls'] }]),
    expect: /lets User eve list Secrets across the whole cluster/,
  },
  {
    check: execAttachPods,
    failing: granted([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]),
    passing: granted([{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'create'] }]),
    expect: /lets User eve create pods\/exec and pods\/attach/,
  },
  {
    check: createsWorkloads,
    failing: granted([{ apiGroups: ['batch'], resources: ['cronjobs'], verbs: ['create'] }]),
    passing: granted([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'patch'] }]),
    expect: /lets User eve create Jobs\/CronJobs across the whole cluster/,
  },
  {
    check: nodesProxy,
    failing: granted([{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]),
    passing: granted([{ apiGroups: [''], resources: ['nodes/metrics', 'nodes/stats'], verbs: ['get'] }]),
    expect: /lets User eve get nodes\/proxy/,
  },
  {
    check: createsSaTokens,
    failing: granted([{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] }]),
    passing: granted([{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'], resourceNames: ['agent'] }]),
    expect: /lets User eve create ServiceAccount tokens/,
  },
  {
    check: approvesCsrs,
    failing: granted([
      { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] },
      { apiGroups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'] },
    ]),
    passing: granted([{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create', 'get'] }]),
    expect: /lets User eve update CertificateSigningRequest approval/,
  },
  {
    check: editsAdmissionWebhooks,
    failing: granted([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations'], verbs: ['patch'] }]),
    passing: granted([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations'], verbs: ['get', 'list', 'watch'] }]),
    expect: /lets User eve patch admission webhook configurations/,
  },
  {
    check: portForwardPods,
    failing: granted([{ apiGroups: [''], resources: ['pods/portforward'], verbs: ['create'] }]),
    passing: granted([{ apiGroups: [''], resources: ['pods', 'services'], verbs: ['get', 'list'] }]),
    expect: /lets User eve create pods\/portforward across the whole cluster/,
  },
  {
    check: broadDelete,
    failing: granted([{ apiGroups: [''], resources: ['pods'], verbs: ['delete'] }]),
    passing: granted([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'update', 'patch'] }]),
    expect: /lets User eve delete pods across the whole cluster/,
  },
  {
    check: deletesEvents,
    failing: granted([{ apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['deletecollection'] }]),
    passing: granted([{ apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['get', 'list', 'watch', 'create', 'patch'] }]),
    expect: /lets User eve deletecollection Events across the whole cluster/,
  },
];

describe.each(cases)('$check.id', ({ check, failing, passing, expect: message }) => {
  it('flags the binding that grants it', () => {
    const findings = run(check, failing);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.resource).toMatchObject({ kind: 'ClusterRoleBinding', name: 'eve-r' });
    expect(findings[0]!.message).toMatch(message);
  });
  it('passes a role without it', () => {
    expect(run(check, passing)).toEqual([]);
  });
  it('declares the RBAC kinds it reads, so the engine reports it not assessed without them', () => {
    expect(check.needs).toEqual(expect.arrayContaining(['clusterrolebindings', 'rolebindings', 'clusterroles', 'roles']));
  });
});

describe('shared rules of the RBAC checks', () => {
  const secrets = clusterRole('secret-reader', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] }]);

  it('weighs a ServiceAccount by the workloads that run as it', () => {
    const findings = run(readsSecrets, [
      secrets,
      deployment('shop', 'web', { ...restrictedSpec, serviceAccountName: 'web' }),
      binding('ClusterRoleBinding', 'web-secrets', 'secret-reader', [sa('shop', 'web')]),
      binding('ClusterRoleBinding', 'idle-secrets', 'secret-reader', [sa('shop', 'idle')]),
    ]);
    const by = Object.fromEntries(findings.map((f) => [f.resource.name, f]));
    expect(by['web-secrets']).toMatchObject({ severity: 'high', message: expect.stringContaining('ServiceAccount shop/web (used by 1 workload)') });
    expect(by['idle-secrets']).toMatchObject({ severity: 'medium', message: expect.stringContaining('(used by no workload)') });
  });

  it('counts workloads without serviceAccountName as the default ServiceAccount', () => {
    const [f] = run(readsSecrets, [
      secrets,
      deployment('shop', 'web', restrictedSpec),
      binding('RoleBinding', 'd', 'secret-reader', [sa('shop', 'default')], 'shop'),
    ]);
    // namespace-scoped: one step below cluster-wide; used: no further step
    expect(f).toMatchObject({
      severity: 'medium',
      message:
        'RoleBinding d lets ServiceAccount shop/default (used by 1 workload) get/list/watch Secrets in namespace shop, through ClusterRole secret-reader.',
    });
  });

  it('raises a grant to everyone and ignores bootstrap bindings and Kubernetes’ own subjects', () => {
    const findings = run(readsSecrets, [
      secrets,
      binding('ClusterRoleBinding', 'everyone', 'secret-reader', [{ kind: 'Group', name: 'system:authenticated' }]),
      binding('ClusterRoleBinding', 'boot', 'secret-reader', [user('eve')], undefined, { 'kubernetes.io/bootstrapping': 'rbac-defaults' }),
      binding('ClusterRoleBinding', 'kcm', 'secret-reader', [user('system:kube-controller-manager'), { kind: 'Group', name: 'system:nodes' }]),
    ]);
    expect(findings.map((f) => [f.resource.name, f.severity])).toEqual([['everyone', 'critical']]);
  });

  it('lets people hold admin/edit in a namespace, reporting only its Secrets read at low; a ServiceAccount gets no pass', () => {
    const admin = clusterRole('admin', [
      { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
    ]);
    const objects = [
      admin,
      binding('RoleBinding', 'oncall', 'admin', [{ kind: 'Group', name: 'oncall' }], 'shop'),
      binding('RoleBinding', 'bot', 'admin', [sa('shop', 'bot')], 'shop'),
    ];
    expect(
      run(readsSecrets, objects)
        .map((f) => [f.resource.name, f.severity])
        .sort(),
    ).toEqual([
      ['bot', 'low'], // namespace (-1) and unused (-1) from high
      ['oncall', 'low'],
    ]);
    expect(run(execAttachPods, objects).map((f) => f.resource.name)).toEqual(['bot']);
  });

  it('does not count cluster-scoped powers granted through a RoleBinding, which cannot grant them', () => {
    const proxy = clusterRole('proxy', [{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]);
    expect(run(nodesProxy, [proxy, binding('RoleBinding', 'p', 'proxy', [user('eve')], 'shop')])).toEqual([]);
  });

  it('leaves cluster-admin-like roles to the wildcard check', () => {
    expect(run(readsSecrets, granted([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]))).toEqual([]);
  });

  it('names the aggregated feeder role a dangerous rule came from', () => {
    const [f] = run(readsSecrets, [
      { ...clusterRole('reader', []), aggregationRule: { clusterRoleSelectors: [{ matchLabels: { feed: 'reader' } }] } },
      clusterRole('reader-secrets', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], { feed: 'reader' }),
      binding('ClusterRoleBinding', 'readers', 'reader', [{ kind: 'Group', name: 'sre' }]),
    ]);
    expect(f!.message).toBe(
      'ClusterRoleBinding readers lets Group sre get Secrets across the whole cluster, through ClusterRole reader (aggregated from reader-secrets).',
    );
  });

  it('rates CSR approval without signer approval medium', () => {
    const [f] = run(approvesCsrs, granted([{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] }]));
    expect(f!.severity).toBe('medium');
  });
});

describe('exec, attach and port-forward by cluster version (1.35: AuthorizePodWebsocketUpgradeCreatePermission)', () => {
  const getOnly = granted([{ apiGroups: [''], resources: ['pods/exec', 'pods/portforward'], verbs: ['get'] }]);
  it('counts get on pods/exec before 1.35, not from 1.35', () => {
    expect(run(execAttachPods, getOnly, 'v1.34.3')[0]!.message).toBe(
      'ClusterRoleBinding eve-r lets User eve get pods/exec and pods/attach across the whole cluster, through ClusterRole r.',
    );
    expect(run(execAttachPods, getOnly, 'v1.35.0')).toEqual([]);
    expect(run(portForwardPods, getOnly, 'v1.35.1')).toEqual([]);
    expect(run(portForwardPods, getOnly, 'v1.33.0')).toHaveLength(1);
  });
  it('counts get when the version is unknown, and says why', () => {
    const [f] = run(execAttachPods, getOnly);
    expect(f!.message).toMatch(/get pods\/exec .* version is unknown, so get on pods\/exec, pods\/attach and pods\/portforward is counted/);
    // create alone needs no such caveat
    const [c] = run(execAttachPods, granted([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]));
    expect(c!.message).not.toMatch(/version is unknown/);
  });
});

describe('rbac.broad-delete', () => {
  it("flags '*' and many kinds anywhere, pods/workloads/namespaces only cluster-wide", () => {
    const wild = clusterRole('wild', [{ apiGroups: ['apps'], resources: ['*'], verbs: ['deletecollection'] }]);
    const many = clusterRole('many', [
      { apiGroups: [''], resources: ['configmaps', 'services', 'secrets', 'serviceaccounts', 'persistentvolumeclaims'], verbs: ['delete'] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: ['delete'] },
      { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['delete'] },
      { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: ['delete'] },
    ]);
    const podsOnly = clusterRole('pods', [{ apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['delete'] }]);
    const findings = run(broadDelete, [
      wild,
      many,
      podsOnly,
      binding('RoleBinding', 'wild-in-shop', 'wild', [user('eve')], 'shop'),
      binding('RoleBinding', 'many-in-shop', 'many', [user('eve')], 'shop'),
      binding('RoleBinding', 'pods-in-shop', 'pods', [user('eve')], 'shop'),
      binding('ClusterRoleBinding', 'pods-everywhere', 'pods', [user('eve')]),
    ]);
    expect(findings.map((f) => [f.resource.name, f.severity, f.message.replace(/^.* lets User eve (.*?) (in namespace|across).*$/, '$1')]).sort()).toEqual([
      ['many-in-shop', 'medium', 'delete 10 kinds of resources'],
      ['pods-everywhere', 'high', 'delete pods; delete namespaces'],
      ['wild-in-shop', 'medium', 'deletecollection every resource'],
    ]);
  });
  it('does not count cluster-scoped kinds a RoleBinding cannot reach towards "many", nor resourceNames-limited rules', () => {
    const clusterKinds = clusterRole('c', [
      { apiGroups: [''], resources: ['nodes', 'persistentvolumes', 'namespaces', 'configmaps', 'services'], verbs: ['delete'] },
      { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles', 'clusterrolebindings', 'roles', 'rolebindings'], verbs: ['delete'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: ['delete'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['delete'], resourceNames: ['web'] },
    ]);
    expect(run(broadDelete, [clusterKinds, binding('RoleBinding', 'rb', 'c', [user('eve')], 'shop')])).toEqual([]);
    expect(run(broadDelete, [clusterKinds, binding('ClusterRoleBinding', 'crb', 'c', [user('eve')])])[0]!.message).toMatch(/delete 10 kinds of resources/);
  });
});

describe('scale', () => {
  // Speed is measured by `npm run bench`, not here: this checks results at that size.
  it('runs every RBAC check over 20,000 bindings', async () => {
    const { rbacChecks } = await import('./index');
    const objects: K8sObject[] = [
      clusterRole('editor', [
        { apiGroups: [''], resources: ['secrets', 'pods', 'pods/exec'], verbs: ['get', 'list', 'create'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] },
      ]),
    ];
    for (let i = 0; i < 20_000; i++) objects.push(binding('RoleBinding', `rb-${i}`, 'editor', [sa(`ns-${i % 400}`, `sa-${i}`)], `ns-${i % 400}`));
    const inv = inventoryOf(objects);
    const counts = rbacChecks.map((c) => {
      const out = c.evaluate(inv);
      return isNotAssessed(out) ? -1 : out.length;
    });
    expect(counts.filter((n) => n === 20_000)).toHaveLength(3); // secrets, exec, workloads
  });
});

describe('rbac.binds-cluster-admin', () => {
  it('flags a person holding cluster-admin, and lists kubeadm’s break-glass binding at info', async () => {
    const { default: bindsClusterAdmin } = await import('./binds-cluster-admin');
    const out = run(bindsClusterAdmin, [
      binding('ClusterRoleBinding', 'alice', 'cluster-admin', [user('alice')]),
      binding('ClusterRoleBinding', 'kubeadm:cluster-admins', 'cluster-admin', [{ kind: 'Group', name: 'kubeadm:cluster-admins' }]),
      binding('ClusterRoleBinding', 'viewer', 'view', [user('bob')]),
    ]);
    expect(out.map((f) => [f.resource.name, f.severity])).toEqual([
      ['alice', 'critical'],
      ['kubeadm:cluster-admins', 'info'],
    ]);
    // The same name with someone else added is a real grant again.
    const widened = run(bindsClusterAdmin, [
      binding('ClusterRoleBinding', 'kubeadm:cluster-admins', 'cluster-admin', [{ kind: 'Group', name: 'kubeadm:cluster-admins' }, user('mallory')]),
    ]);
    expect(widened[0]!.severity).toBe('critical');
  });
});
