// Seeded random changes to an inventory's objects, as a watch would deliver them: pods (some
// running a management tool), Deployments, NetworkPolicies (Kubernetes', Cilium's, Calico's,
// AdminNetworkPolicies), RoleBindings and ClusterRoleBindings (to the ServiceAccounts pods and
// management tools run as), namespace labels and Linkerd's inject annotation, quotas,
// ServiceAccounts, Argo CD's ConfigMaps, added, modified and deleted. For tests of the incremental path (never used at run time).
import type { ResourceChange } from '../cluster/apply-change';
import { RESOURCES, type Inventory, type ResourceKey } from '../cluster/inventory';
import type { K8sObject } from '../cluster/types';
import { seededRandom } from '../synthetic/generate';

// The first definition of a kind is Kubernetes' own; Calico's NetworkPolicy goes by its own name here.
const KEY_BY_KIND = new Map<string, ResourceKey>([...[...RESOURCES].reverse().map((r) => [r.kind, r.key] as const), ['CalicoNetworkPolicy', 'caliconetworkpolicies']]);

export function randomChanges(inv: Inventory, count: number, seed: number): ResourceChange[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  // The objects as the changes leave them, so modifications and deletions name live objects.
  const live = new Map<ResourceKey, Map<string, K8sObject>>();
  for (const def of RESOURCES) live.set(def.key, new Map(inv.objects[def.key].map((o) => [idOf(o), o])));
  const namespaces = () => [...live.get('namespaces')!.values()].map((n) => n.metadata.name);
  const someNamespace = () => (chance(0.1) ? `ghost-${Math.floor(rand() * 3)}` : pick(namespaces()));
  let serial = 0;

  // Management tools (checks/management-tools): what their checks and the coverage read of them.
  const toolContainer = (): Record<string, unknown> =>
    pick([
      { name: 'dashboard', image: 'kubernetesui/dashboard:v2.0.0', args: chance(0.5) ? ['--enable-skip-login'] : [] },
      {
        name: 'argocd-server',
        image: 'quay.io/argoproj/argocd:v2.10.9',
        command: ['argocd-server'],
        env: [{ name: 'ARGOCD_SERVER_DISABLE_AUTH', valueFrom: { configMapKeyRef: { name: 'argocd-cmd-params-cm', key: 'server.disable.auth' } } }],
      },
    ]);

  const podSpec = (): Record<string, unknown> => {
    if (chance(0.08)) return { containers: [toolContainer()], serviceAccountName: pick(['kubernetes-dashboard', 'argocd-server', 'default']) };
    const container: Record<string, unknown> = {
      name: 'app',
      image: pick([
        'nginx:1.27',
        'docker.io/library/redis:7',
        'registry.acme.internal/shop/api:2.1',
        'ghcr.io/acme/worker@sha256:' + 'b'.repeat(64),
        'busybox',
      ]),
    };
    if (chance(0.5)) container.resources = { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
    if (chance(0.3)) container.securityContext = { privileged: true };
    else if (chance(0.5))
      container.securityContext = {
        allowPrivilegeEscalation: false,
        runAsNonRoot: true,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      };
    if (chance(0.2)) container.ports = [{ containerPort: 8080, hostPort: 8080 }];
    const spec: Record<string, unknown> = { containers: [container] };
    if (chance(0.15)) spec.hostNetwork = true;
    if (chance(0.15)) spec.volumes = [{ name: 'host', hostPath: { path: '/var/run' } }];
    if (chance(0.4)) spec.serviceAccountName = pick(['default', 'builder', 'app']);
    if (chance(0.2)) spec.automountServiceAccountToken = false;
    return spec;
  };

  const newObject = (kind: string, ns: string | undefined): K8sObject => {
    const name = `${kind.toLowerCase()}-r${++serial}`;
    const metadata = { name, ...(ns ? { namespace: ns } : {}), labels: { app: pick(['web', 'api', 'db']) } };
    switch (kind) {
      case 'Pod':
        return { apiVersion: 'v1', kind, metadata, spec: podSpec() };
      case 'Deployment':
        return {
          apiVersion: 'apps/v1',
          kind,
          metadata,
          spec: { replicas: 2, selector: { matchLabels: metadata.labels }, template: { metadata: { labels: metadata.labels }, spec: podSpec() } },
        };
      case 'NetworkPolicy':
        return {
          apiVersion: 'networking.k8s.io/v1',
          kind,
          metadata,
          spec: chance(0.5)
            ? { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }
            : { podSelector: { matchLabels: metadata.labels }, ingress: [{}], policyTypes: ['Ingress'] },
        };
      case 'CiliumNetworkPolicy':
      case 'CiliumClusterwideNetworkPolicy':
        return { apiVersion: 'cilium.io/v2', kind, metadata, spec: ciliumSpec() };
      case 'CalicoNetworkPolicy':
        return { apiVersion: 'projectcalico.org/v3', kind: 'NetworkPolicy', metadata, spec: calicoSpec() };
      case 'GlobalNetworkPolicy':
        return { apiVersion: 'projectcalico.org/v3', kind, metadata: { name }, spec: calicoSpec() };
      case 'AdminNetworkPolicy':
        return {
          apiVersion: 'policy.networking.k8s.io/v1alpha1',
          kind,
          metadata: { name },
          spec: {
            priority: 10,
            subject: chance(0.5) ? { namespaces: { matchLabels: { 'kubernetes.io/metadata.name': pick(namespaces()) } } } : { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: pick(['web', 'api']) } } } },
            ingress: [{ action: pick(['Deny', 'Pass', 'Allow']), from: [{ namespaces: {} }] }],
          },
        };
      case 'RoleBinding':
        return {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind,
          metadata,
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: pick(['cluster-admin', 'edit', 'view', 'admin']) },
          subjects: [
            pick([
              // May grant across namespaces; Argo CD's ServiceAccount in its namespace too (checks/management-tools count only cluster-wide grants).
              chance(0.2)
                ? { kind: 'ServiceAccount', name: 'argocd-server', namespace: 'argocd' }
                : { kind: 'ServiceAccount', name: pick(['default', 'builder']), namespace: chance(0.4) ? ns : pick(namespaces()) },
              { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: pick(['system:authenticated', 'system:unauthenticated', 'devs']) },
              { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: pick(['alice', 'system:anonymous']) },
              // A ServiceAccount named as its user: the RBAC model reads it as the ServiceAccount.
              { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: `system:serviceaccount:${pick(namespaces())}:${pick(['default', 'builder'])}` },
            ]),
          ],
        };
      case 'ClusterRoleBinding':
        return {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind,
          metadata: { name, labels: metadata.labels },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: pick(['cluster-admin', 'edit', 'view']) },
          subjects: [
            chance(0.3)
              ? { kind: 'ServiceAccount', name: pick(['kubernetes-dashboard', 'argocd-server']), namespace: pick(['kubernetes-dashboard', 'argocd', pick(namespaces())]) }
              : { kind: 'ServiceAccount', name: pick(['default', 'builder', 'app']), namespace: pick(namespaces()) },
          ],
        };
      case 'ResourceQuota':
        return { apiVersion: 'v1', kind, metadata, spec: { hard: { 'requests.cpu': '4', 'limits.memory': '8Gi', pods: '20' } } };
      case 'ServiceAccount':
        return {
          apiVersion: 'v1',
          kind,
          metadata: { ...metadata, name: pick(['builder', 'app', name]) },
          ...(chance(0.5) ? { automountServiceAccountToken: false } : {}),
        };
      case 'Namespace':
        return { apiVersion: 'v1', kind, metadata: { name: `ns-r${serial}`, labels: namespaceLabels(), ...namespaceAnnotations() } };
      case 'ConfigMap':
        return {
          apiVersion: 'v1',
          kind,
          metadata: { name: pick(['argocd-cm', 'argocd-rbac-cm', 'argocd-cmd-params-cm']), namespace: chance(0.5) ? 'argocd' : ns, labels: { 'app.kubernetes.io/part-of': 'argocd' } },
          data: argocdData(),
        };
      default:
        throw new Error(kind);
    }
  };

  const ciliumSpec = (): Record<string, unknown> => {
    const selector = pick([{}, { matchLabels: { app: pick(['web', 'api', 'db']) } }, { matchLabels: { 'k8s:io.kubernetes.pod.namespace': pick(namespaces()) } }, { matchLabels: { 'io.cilium.k8s.policy.cluster': 'east' } }]);
    return { endpointSelector: selector, ...pick([{ ingress: [{}] }, { egress: [{}] }, { ingress: [], egress: [] }, { ingressDeny: [{ fromEntities: ['all'] }] }]) };
  };

  const calicoSpec = (): Record<string, unknown> => ({
    selector: pick(['all()', "app == 'web'", `projectcalico.org/namespace == '${pick(namespaces())}'`, "app =~ 'odd'"]),
    ...(chance(0.5) ? { types: ['Ingress', 'Egress'] } : { ingress: [{ action: 'Allow' }] }),
  });

  const namespaceLabels = (): Record<string, string> => {
    const labels: Record<string, string> = {};
    if (chance(0.7)) labels['pod-security.kubernetes.io/enforce'] = pick(['privileged', 'baseline', 'restricted']);
    if (chance(0.3)) labels['pod-security.kubernetes.io/enforce-version'] = pick(['latest', 'v1.25', 'v1.30']);
    if (chance(0.3)) labels['pod-security.kubernetes.io/warn'] = 'restricted';
    return labels;
  };

  // Linkerd's inject annotation makes a mesh (encryption.service-mesh-mtls).
  const namespaceAnnotations = () => (chance(0.15) ? { annotations: { 'linkerd.io/inject': pick(['enabled', 'disabled']) } } : {});

  const argocdData = (): Record<string, string> => ({
    [pick(['users.anonymous.enabled', 'server.disable.auth', 'server.insecure'])]: pick(['true', 'false']),
    ...(chance(0.5) ? { 'policy.default': pick(['role:readonly', 'role:admin', '']) } : {}),
  });

  const modify = (o: K8sObject): K8sObject => {
    const copy = structuredClone(o);
    switch (o.kind) {
      case 'Pod':
        copy.spec = podSpec();
        if (chance(0.3)) copy.metadata.labels = { app: pick(['web', 'api', 'db']) };
        break;
      case 'Deployment':
        copy.spec = { ...copy.spec, template: { metadata: { labels: { app: pick(['web', 'api', 'db']) } }, spec: podSpec() } };
        break;
      case 'Namespace':
        copy.metadata.labels = namespaceLabels();
        Object.assign(copy.metadata, namespaceAnnotations());
        break;
      case 'ConfigMap':
        copy.data = argocdData();
        break;
      case 'NetworkPolicy':
        if (o.apiVersion !== 'networking.k8s.io/v1') {
          copy.spec = calicoSpec();
          break;
        }
        copy.spec = chance(0.5) ? { podSelector: {}, policyTypes: ['Ingress'] } : { podSelector: { matchLabels: { app: 'web' } }, ingress: [{}], egress: [{}] };
        break;
      case 'RoleBinding':
      case 'ClusterRoleBinding':
        copy.roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: pick(['cluster-admin', 'view', 'edit']) };
        break;
      case 'CiliumNetworkPolicy':
      case 'CiliumClusterwideNetworkPolicy':
        copy.spec = ciliumSpec();
        break;
      case 'GlobalNetworkPolicy':
        copy.spec = calicoSpec();
        break;
      case 'ResourceQuota':
        copy.spec = chance(0.5) ? { hard: { pods: '5' } } : { hard: { 'limits.cpu': '2', 'requests.memory': '1Gi' } };
        break;
      default:
        copy.metadata.labels = { touched: 'yes' };
    }
    return copy;
  };

  const kinds = [
    'Pod',
    'Pod',
    'Pod',
    'Deployment',
    'NetworkPolicy',
    'RoleBinding',
    'RoleBinding',
    'Namespace',
    'ResourceQuota',
    'ServiceAccount',
    'ConfigMap',
    'CiliumNetworkPolicy',
    'CalicoNetworkPolicy',
  ];
  // Cluster-wide policies re-run whole checks: rarer, as in a real cluster.
  const rareKinds = ['CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AdminNetworkPolicy', 'ClusterRoleBinding'];
  const changes: ResourceChange[] = [];
  while (changes.length < count) {
    const kind = chance(0.04) ? pick(rareKinds) : pick(kinds);
    const key = KEY_BY_KIND.get(kind)!;
    const objects = live.get(key)!;
    const roll = rand();
    let change: ResourceChange;
    if (roll < 0.4 || objects.size === 0) {
      const clusterWide = ['Namespace', ...rareKinds].includes(kind);
      const o = newObject(kind, clusterWide ? undefined : someNamespace());
      change = { type: 'ADDED', resource: key, object: o };
    } else if (roll < 0.8) {
      change = { type: 'MODIFIED', resource: key, object: modify(pick([...objects.values()])) };
    } else {
      change = { type: 'DELETED', resource: key, object: pick([...objects.values()]) };
    }
    if (change.type === 'DELETED') objects.delete(idOf(change.object));
    else objects.set(idOf(change.object), change.object);
    changes.push(change);
  }
  return changes;
}

function idOf(o: K8sObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}
