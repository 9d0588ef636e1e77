import { describe, expect, it } from 'vitest';
import type { Container, K8sObject, PodSpec } from '../../../cluster/types';
import { binding, deployment } from '../../test-inventory';
import { run } from '../test-support';
import argocdAnonymousAccess from './argocd-anonymous-access';
import coverage from './coverage';
import exposed from './exposed';
import knownCves from './known-cves';
import riskySettings from './risky-settings';
import serviceAccountPowers from './service-account-powers';
import unmaintained from './unmaintained';
import { managementTools } from './support/tools';
import { inventoryOf } from '../../test-inventory';
import { detectCoverage } from '../../coverage/detect';

type C = Container & { args?: string[]; command?: string[]; env?: { name: string; value?: string; valueFrom?: unknown }[] };
const spec = (c: C, sa?: string): PodSpec => ({ serviceAccountName: sa, containers: [c] });
const dashboard = (args: string[], tag = 'v2.7.0') => deployment('kubernetes-dashboard', 'kubernetes-dashboard', spec({ name: 'kubernetes-dashboard', image: `kubernetesui/dashboard:${tag}`, args }, 'kubernetes-dashboard'));
const service = (ns: string, name: string, selector: Record<string, string>, extra: Record<string, unknown> = {}): K8sObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: ns },
  spec: { selector, ports: [{ port: 443 }], ...extra },
});
const ingress = (ns: string, name: string, backend: string, annotations: Record<string, string> = {}): K8sObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace: ns, annotations },
  spec: { rules: [{ host: 'x.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: backend, port: { number: 443 } } } }] } }] },
});

describe('recognising management tools', () => {
  it('finds each tool by image (and argocd-server by its command), not look-alikes', () => {
    const inv = inventoryOf([
      dashboard([]),
      deployment('argocd', 'argocd-server', spec({ name: 'argocd-server', image: 'quay.io/argoproj/argocd:v2.10.1', args: ['/usr/local/bin/argocd-server'] })),
      deployment('argocd', 'argocd-repo-server', spec({ name: 'repo', image: 'quay.io/argoproj/argocd:v2.10.1', args: ['/usr/local/bin/argocd-repo-server'] })),
      deployment('kube-system', 'tiller-deploy', spec({ name: 'tiller', image: 'gcr.io/kubernetes-helm/tiller:v2.16.1' })),
      deployment('weave', 'weave-scope-app', spec({ name: 'app', image: 'weaveworks/scope:1.13.2', args: ['--mode=app'] })),
      deployment('weave', 'weave-scope-agent', spec({ name: 'agent', image: 'weaveworks/scope:1.13.2', args: ['--mode=probe', '--probe-only'] })),
      deployment('tools', 'api-proxy', spec({ name: 'p', image: 'bitnami/kubectl:1.31', command: ['kubectl', 'proxy', '--address=0.0.0.0'] })),
      deployment('tools', 'kubectl-job', spec({ name: 'k', image: 'bitnami/kubectl:1.31', command: ['kubectl', 'get', 'pods'] })),
      deployment('kubernetes-dashboard', 'dashboard-metrics-scraper', spec({ name: 's', image: 'kubernetesui/metrics-scraper:v1.0.8' })),
      deployment('headlamp', 'headlamp', spec({ name: 'h', image: 'ghcr.io/headlamp-k8s/headlamp:v0.26.0' })),
      deployment('portainer', 'portainer', spec({ name: 'p', image: 'portainer/portainer-ce:2.19.4' })),
    ]);
    expect(managementTools(inv).map((t) => `${t.tool.id} ${t.workload.name} ${t.version}`).sort()).toEqual([
      'argocd-server argocd-server 2.10.1',
      'headlamp headlamp 0.26.0',
      'kubectl-proxy api-proxy null',
      'kubernetes-dashboard kubernetes-dashboard 2.7.0',
      'portainer portainer 2.19.4',
      'tiller tiller-deploy 2.16.1',
      'weave-scope weave-scope-app 1.13.2',
    ]);
  });
});

describe('management-tools.exposed', () => {
  it('flags a NodePort Service in front of a Dashboard with skip-login as critical', () => {
    const f = run(exposed, [dashboard(['--enable-skip-login']), service('kubernetes-dashboard', 'kubernetes-dashboard', { app: 'kubernetes-dashboard' }, { type: 'NodePort' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'critical', message: expect.stringMatching(/Service kubernetes-dashboard\/kubernetes-dashboard \(type NodePort\).*--enable-skip-login/) });
  });

  it('flags an Ingress without an authentication annotation, not one behind oauth2-proxy or a ClusterIP Service', () => {
    const svc = service('kubernetes-dashboard', 'kubernetes-dashboard', { app: 'kubernetes-dashboard' });
    expect(run(exposed, [dashboard([]), svc, ingress('kubernetes-dashboard', 'dash', 'kubernetes-dashboard')])).toEqual([
      expect.objectContaining({ severity: 'high', message: expect.stringContaining('without an authentication annotation') }),
    ]);
    const authed = ingress('kubernetes-dashboard', 'dash', 'kubernetes-dashboard', { 'nginx.ingress.kubernetes.io/auth-url': 'https://oauth2-proxy.example.com/oauth2/auth' });
    expect(run(exposed, [dashboard([]), svc, authed])).toEqual([]);
    expect(run(exposed, [dashboard([]), svc])).toEqual([]);
  });

  it('weighs an internal load balancer medium', () => {
    const lb = service('kubernetes-dashboard', 'dash-lb', { app: 'kubernetes-dashboard' }, { type: 'LoadBalancer' });
    lb.metadata.annotations = { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' };
    expect(run(exposed, [dashboard([]), lb])[0]).toMatchObject({ severity: 'medium' });
  });
});

describe('management-tools.risky-settings', () => {
  it('flags the Dashboard\'s skip-login and insecure-login, Tiller without TLS and an open kubectl proxy', () => {
    const f = run(riskySettings, [
      dashboard(['--enable-skip-login', '--enable-insecure-login']),
      deployment('kube-system', 'tiller-deploy', spec({ name: 'tiller', image: 'gcr.io/kubernetes-helm/tiller:v2.16.1' })),
      deployment('tools', 'api-proxy', spec({ name: 'p', image: 'bitnami/kubectl:1.31', command: ['kubectl', 'proxy', '--address=0.0.0.0', '--disable-filter=true'] })),
    ]);
    expect(f.map((x) => `${x.severity} ${x.resource.name}`).sort()).toEqual([
      'high api-proxy',
      'high api-proxy',
      'high kubernetes-dashboard',
      'high tiller-deploy',
      'medium kubernetes-dashboard',
    ]);
    expect(f.find((x) => x.resource.name === 'tiller-deploy')!.message).toContain('without authentication');
  });

  it('passes a Dashboard with its defaults, Tiller with TLS verification, a loopback kubectl proxy and Scope with its own password', () => {
    expect(
      run(riskySettings, [
        dashboard(['--auto-generate-certificates']),
        deployment('kube-system', 'tiller-deploy', spec({ name: 'tiller', image: 'gcr.io/kubernetes-helm/tiller:v2.16.1', env: [{ name: 'TILLER_TLS_VERIFY', value: '1' }] })),
        deployment('tools', 'api-proxy', spec({ name: 'p', image: 'bitnami/kubectl:1.31', command: ['kubectl', 'proxy', '--port=8001'] })),
        deployment('weave', 'weave-scope-app', spec({ name: 'app', image: 'weaveworks/scope:1.13.2', env: [{ name: 'ENABLE_BASIC_AUTH', value: 'true' }, { name: 'BASIC_AUTH_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'p' } } }] })),
      ]),
    ).toEqual([]);
  });

  it('flags Weave Scope without basic authentication, and with the default password', () => {
    expect(run(riskySettings, [deployment('weave', 'weave-scope-app', spec({ name: 'app', image: 'weaveworks/scope:1.13.2', args: ['--mode=app'] }))])[0]!.message).toContain('no login');
    const defaults = run(riskySettings, [deployment('weave', 'weave-scope-app', spec({ name: 'app', image: 'weaveworks/scope:1.13.2', env: [{ name: 'ENABLE_BASIC_AUTH', value: 'true' }] }))]);
    expect(defaults[0]!.message).toContain('admin/admin');
  });

  it('flags argocd-server with authentication disabled', () => {
    const argo = deployment('argocd', 'argocd-server', spec({ name: 'argocd-server', image: 'quay.io/argoproj/argocd:v2.13.9', args: ['/usr/local/bin/argocd-server', '--disable-auth'] }));
    expect(run(riskySettings, [argo])[0]).toMatchObject({ severity: 'high', message: expect.stringContaining('--disable-auth') });
  });
});

describe('management-tools.service-account-powers', () => {
  const clusterAdmin: K8sObject = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'cluster-admin' },
    rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }],
  } as K8sObject;
  const tiller = deployment('kube-system', 'tiller-deploy', spec({ name: 'tiller', image: 'gcr.io/kubernetes-helm/tiller:v2.16.1' }, 'tiller'));
  it('flags Tiller whose ServiceAccount is cluster-admin as critical (no login in front)', () => {
    const f = run(serviceAccountPowers, [tiller, clusterAdmin, binding('ClusterRoleBinding', 'tiller', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'tiller', namespace: 'kube-system' }])]);
    expect(f).toEqual([expect.objectContaining({ severity: 'critical', message: expect.stringContaining('ClusterRoleBinding tiller') })]);
  });

  it('weighs Secrets listed cluster-wide medium behind a login, high without one', () => {
    const reader = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'secret-reader' }, rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }] } as K8sObject;
    const bind = (sa: string, ns: string) => binding('ClusterRoleBinding', `${sa}-secrets`, 'secret-reader', [{ kind: 'ServiceAccount', name: sa, namespace: ns }]);
    expect(run(serviceAccountPowers, [tiller, reader, bind('tiller', 'kube-system')])[0]).toMatchObject({ severity: 'high', message: expect.stringContaining('list Secrets in every namespace') });
    expect(run(serviceAccountPowers, [dashboard([]), reader, bind('kubernetes-dashboard', 'kubernetes-dashboard')])[0]!.severity).toBe('medium');
  });

  it('passes when the ServiceAccount is bound to nothing, or only within its namespace', () => {
    expect(run(serviceAccountPowers, [tiller, clusterAdmin])).toEqual([]);
    expect(run(serviceAccountPowers, [tiller, clusterAdmin, binding('RoleBinding', 'tiller', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'tiller', namespace: 'kube-system' }], 'kube-system')])).toEqual([]);
  });
});

describe('management-tools.known-cves', () => {
  const argo = (tag: string) => deployment('argocd', 'argocd-server', spec({ name: 'argocd-server', image: `quay.io/argoproj/argocd:${tag}`, args: ['/usr/local/bin/argocd-server'] }));
  it('flags Argo CD 2.10.9 with the Redis advisory (fixed in 2.10.10) and a Dashboard before 1.10.1', () => {
    expect(run(knownCves, [argo('v2.10.9')])[0]).toMatchObject({ severity: 'critical', message: expect.stringContaining('CVE-2024-31989') });
    expect(run(knownCves, [dashboard([], 'v1.10.0')])[0]!.message).toContain('CVE-2018-18264');
  });
  it('passes the fixed releases, and says when the tag names no release', () => {
    expect(run(knownCves, [argo('v2.10.10'), dashboard([], 'v1.10.1')])).toEqual([]);
    expect(run(knownCves, [argo('latest')])[0]).toMatchObject({ severity: 'info', message: expect.stringContaining('not assessed') });
  });
  it('judges Portainer CE and BE by their tag: 2.39.8 has the 2026 session takeover, 2.39.9 does not', () => {
    const portainer = (image: string) => deployment('portainer', 'portainer', spec({ name: 'portainer', image }));
    expect(run(knownCves, [portainer('portainer/portainer-ce:2.39.8')])[0]).toMatchObject({ severity: 'high', message: expect.stringContaining('CVE-2026-134804') });
    expect(run(knownCves, [portainer('docker.io/portainer/portainer-ee:2.45.3')])[0]!.message).toContain('CVE-2026-134804');
    expect(run(knownCves, [portainer('portainer/portainer:1.17.1')])[0]!.severity).toBe('critical');
    expect(run(knownCves, [portainer('portainer/portainer-ce:2.39.9'), portainer('portainer/portainer-ee:3.1.0')])).toEqual([]);
  });
});

describe('management-tools.unmaintained', () => {
  it('flags Tiller and Weave Scope, not Headlamp', () => {
    expect(run(unmaintained, [deployment('kube-system', 'tiller-deploy', spec({ name: 'tiller', image: 'ghcr.io/helm/tiller:v2.17.0' }))])[0]!.message).toContain('Helm 3 removed Tiller');
    expect(run(unmaintained, [deployment('headlamp', 'headlamp', spec({ name: 'h', image: 'ghcr.io/headlamp-k8s/headlamp:v0.26.0' }))])).toEqual([]);
  });
});

describe('management-tools.argocd-anonymous-access', () => {
  const server = deployment('argocd', 'argocd-server', spec({ name: 'argocd-server', image: 'quay.io/argoproj/argocd:v2.13.9', args: ['/usr/local/bin/argocd-server'] }));
  const cm = (name: string, data: Record<string, string>): K8sObject =>
    ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'argocd', labels: { 'app.kubernetes.io/part-of': 'argocd' } }, data }) as K8sObject;
  it('flags anonymous access, critical when the default role is admin', () => {
    expect(run(argocdAnonymousAccess, [server, cm('argocd-cm', { 'users.anonymous.enabled': 'true' }), cm('argocd-rbac-cm', { 'policy.default': 'role:readonly' })])[0]).toMatchObject({
      severity: 'high',
      message: expect.stringContaining('role:readonly'),
    });
    expect(run(argocdAnonymousAccess, [server, cm('argocd-cm', { 'users.anonymous.enabled': 'true' }), cm('argocd-rbac-cm', { 'policy.default': 'role:admin' })])[0]!.severity).toBe('critical');
  });
  it('passes when anonymous access is off, and does not judge a server whose argocd-cm was not read', () => {
    const inv = inventoryOf([server, cm('argocd-cm', { 'users.anonymous.enabled': 'false' })]);
    expect(run(argocdAnonymousAccess, inv)).toEqual([]);
    expect(argocdAnonymousAccess.examines!(inv)).toHaveLength(1);
    const without = inventoryOf([server]);
    expect(argocdAnonymousAccess.examines!(without)).toEqual([]);
    expect(argocdAnonymousAccess.notAssessedFor!(without)[0]!.reason).toContain('argocd-cm');
  });
  it('reads --disable-auth from argocd-cmd-params-cm through the env valueFrom', () => {
    const fromCm = deployment('argocd', 'argocd-server', spec({
      name: 'argocd-server',
      image: 'quay.io/argoproj/argocd:v2.13.9',
      args: ['/usr/local/bin/argocd-server'],
      env: [{ name: 'ARGOCD_SERVER_DISABLE_AUTH', valueFrom: { configMapKeyRef: { name: 'argocd-cmd-params-cm', key: 'server.disable.auth', optional: true } } }],
    }));
    expect(run(riskySettings, [fromCm, cm('argocd-cmd-params-cm', { 'server.disable.auth': 'true' })])[0]!.message).toContain('--disable-auth');
    expect(run(riskySettings, [fromCm, cm('argocd-cmd-params-cm', { 'server.disable.auth': 'false' })])).toEqual([]);
  });
});

describe('management-tools.coverage', () => {
  it('flags a workload labelled as a management tool whose image is not recognised (a mirror)', () => {
    const mirror = deployment('ops', 'dash', spec({ name: 'd', image: 'registry.acme.internal/mirror/dashboard:v2.7.0' }));
    mirror.spec.template.metadata.labels = { 'k8s-app': 'kubernetes-dashboard' };
    expect(run(coverage, [mirror])).toEqual([expect.objectContaining({ message: expect.stringContaining('like Kubernetes Dashboard, but runs an image kube-posture does not recognise') })]);
  });
  it('passes recognised tools and workloads that are no tool', () => {
    const upstream = dashboard([]);
    upstream.spec.template.metadata.labels = { 'k8s-app': 'kubernetes-dashboard' };
    expect(run(coverage, [upstream, deployment('web', 'shop', spec({ name: 'shop', image: 'nginx:1.27' }))])).toEqual([]);
  });
});

describe('management-tools coverage of the area', () => {
  it('is partial: kube-posture judges the tools it recognises, and lists them as evidence', () => {
    const cov = detectCoverage(inventoryOf([dashboard([])]))['management-tools']!;
    expect(cov.status).toBe('partial');
    expect(cov.tools).toEqual([expect.objectContaining({ name: 'kube-posture', evidence: 'recognised Kubernetes Dashboard 2.7.0 (Deployment kubernetes-dashboard/kubernetes-dashboard)' })]);
    expect(detectCoverage(inventoryOf([]))['management-tools']!.tools[0]!.evidence).toContain('no recognised management tool');
  });
});
