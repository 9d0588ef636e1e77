// Each detection over real-format audit events: one set that must raise it, one that must not
// (the noise its published counterparts are known for, or a near miss).
import { describe, expect, it } from 'vitest';
import { isNotAssessed, type RawFinding } from '../../check';
import { AuditAggregator } from '../../audit/aggregate';
import { ALICE, auditEvent as ev, saUser } from '../../audit/test-events';
import type { AuditEvent } from '../../audit/event';
import { inventoryOf } from '../../test-inventory';
import { AUDIT_DETECTIONS, apiAbuseChecks } from './index';
import { NO_AUDIT } from './support/define-detection';

function run(id: string, events: AuditEvent[]): RawFinding[] {
  const agg = new AuditAggregator(AUDIT_DETECTIONS);
  // Unrelated traffic beside, so no detection passes only for lack of events.
  agg.add(ev({ verb: 'get', resource: 'pods', namespace: 'shop', name: 'web-1' }));
  for (const e of events) agg.add(e);
  const inv = { ...inventoryOf([]), audit: agg.result(['test']) };
  const check = apiAbuseChecks.find((c) => c.id === id)!;
  const out = check.evaluate(inv);
  if (isNotAssessed(out)) throw new Error(out.notAssessed);
  return out;
}

const privilegedPod = (ns: string, image = 'alpine:3.20') => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'debug', namespace: ns },
  spec: { hostPID: true, containers: [{ name: 'c', image, securityContext: { privileged: true } }], volumes: [{ name: 'root', hostPath: { path: '/' } }] },
});
const secretsGets = (n: number, user = ALICE) => Array.from({ length: n }, (_, i) => ev({ verb: 'get', resource: 'secrets', namespace: 'shop', name: `s-${i}`, user }));
const refused = (n: number, user: AuditEvent['user'] = saUser('shop', 'web')) =>
  Array.from({ length: n }, (_, i) => ev({ verb: ['list', 'get', 'create'][i % 3]!, resource: ['secrets', 'nodes', 'pods'][i % 3]!, user, decision: 'forbid' }));

const CASES: [id: string, fails: AuditEvent[], passes: AuditEvent[]][] = [
  [
    'api-abuse.anonymous-requests',
    [ev({ verb: 'list', resource: 'pods', user: { username: 'system:anonymous', groups: ['system:unauthenticated'] } })],
    [
      ev({ verb: 'get', uri: '/healthz', user: { username: 'system:anonymous', groups: ['system:unauthenticated'] } }),
      ev({ verb: 'get', uri: '/readyz?verbose', user: { username: 'system:anonymous', groups: ['system:unauthenticated'] } }),
      ev({ verb: 'list', resource: 'pods', user: { username: 'system:anonymous', groups: ['system:unauthenticated'] }, decision: 'forbid' }),
    ],
  ],
  [
    'api-abuse.exec-by-people',
    [ev({ verb: 'create', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', stage: 'ResponseStarted', code: 101 })],
    [
      ev({ verb: 'create', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', user: saUser('ci', 'runner') }),
      ev({ verb: 'create', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', decision: 'forbid' }),
      ev({ verb: 'create', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', stage: 'RequestReceived' }),
    ],
  ],
  ['api-abuse.secrets-read-burst', secretsGets(6), [...secretsGets(4), ...secretsGets(8, saUser('shop', 'web'))]],
  [
    'api-abuse.secrets-cross-namespace',
    [ev({ verb: 'get', resource: 'secrets', namespace: 'payments', name: 'db', user: saUser('shop', 'web') })],
    [
      ev({ verb: 'get', resource: 'secrets', namespace: 'shop', name: 'db', user: saUser('shop', 'web') }),
      ev({ verb: 'list', resource: 'secrets', namespace: 'payments', user: saUser('kube-system', 'namespace-controller') }),
    ],
  ],
  [
    'api-abuse.secrets-listed-cluster-wide',
    [ev({ verb: 'list', resource: 'secrets', uri: '/api/v1/secrets?limit=500' })],
    [ev({ verb: 'list', resource: 'secrets', namespace: 'shop' }), ev({ verb: 'list', resource: 'secrets', user: { username: 'system:kube-controller-manager', groups: ['system:authenticated'] } })],
  ],
  [
    'api-abuse.secrets-unusual-user-agent',
    [ev({ verb: 'get', resource: 'secrets', namespace: 'shop', name: 'db', userAgent: 'curl/8.5.0', user: saUser('shop', 'web') })],
    [ev({ verb: 'get', resource: 'secrets', namespace: 'shop', name: 'db', userAgent: 'cert-manager-controller/v1.15.1 (linux/amd64) cert-manager/abc' })],
  ],
  [
    'api-abuse.cluster-admin-bound',
    [
      ev({
        verb: 'create',
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        requestObject: { kind: 'ClusterRoleBinding', metadata: { name: 'backdoor' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'User', name: 'mallory' }] },
      }),
    ],
    [
      ev({
        verb: 'create',
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        requestObject: { kind: 'ClusterRoleBinding', metadata: { name: 'viewers' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [] },
      }),
    ],
  ],
  [
    'api-abuse.wildcard-role-created',
    [ev({ verb: 'create', resource: 'roles', namespace: 'shop', apiGroup: 'rbac.authorization.k8s.io', requestObject: { metadata: { name: 'all' }, rules: [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }] } })],
    [ev({ verb: 'create', resource: 'roles', namespace: 'shop', apiGroup: 'rbac.authorization.k8s.io', requestObject: { metadata: { name: 'read' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] } })],
  ],
  [
    'api-abuse.rbac-changed-by-serviceaccount',
    [ev({ verb: 'patch', resource: 'clusterrolebindings', name: 'ops', apiGroup: 'rbac.authorization.k8s.io', user: saUser('ci', 'deployer') })],
    [
      ev({ verb: 'update', resource: 'clusterroles', name: 'admin', apiGroup: 'rbac.authorization.k8s.io', user: saUser('kube-system', 'clusterrole-aggregation-controller') }),
      ev({ verb: 'patch', resource: 'clusterrolebindings', name: 'ops', apiGroup: 'rbac.authorization.k8s.io' }),
    ],
  ],
  [
    'api-abuse.privileged-pod-created',
    [ev({ verb: 'create', resource: 'pods', namespace: 'shop', requestObject: privilegedPod('shop') })],
    [
      ev({ verb: 'create', resource: 'pods', namespace: 'shop', requestObject: { metadata: { name: 'ok' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } }),
      // The ReplicaSet controller creating a pod from someone else's template.
      ev({ verb: 'create', resource: 'pods', namespace: 'shop', requestObject: privilegedPod('shop'), user: saUser('kube-system', 'replicaset-controller') }),
      // kube-proxy, by design: its namespace, owner and image are the catalogue's.
      ev({
        verb: 'create',
        resource: 'daemonsets',
        namespace: 'kube-system',
        apiGroup: 'apps',
        requestObject: { metadata: { name: 'kube-proxy' }, spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.31.2', securityContext: { privileged: true } }] } } } },
      }),
    ],
  ],
  [
    'api-abuse.impersonation-privileged',
    [ev({ verb: 'get', resource: 'secrets', namespace: 'kube-system', name: 'x', impersonatedUser: { username: 'system:admin', groups: ['system:masters'] } })],
    [ev({ verb: 'get', resource: 'pods', namespace: 'shop', impersonatedUser: { username: 'bob@example.com', groups: ['dev'] } })],
  ],
  ['api-abuse.forbidden-burst', refused(25), [...refused(10), ...refused(30, { username: 'system:node:worker-1', groups: ['system:nodes'] })]],
  [
    'api-abuse.token-requested-by-people',
    [ev({ verb: 'create', resource: 'serviceaccounts', namespace: 'shop', name: 'web', subresource: 'token' })],
    [ev({ verb: 'create', resource: 'serviceaccounts', namespace: 'shop', name: 'web', subresource: 'token', user: { username: 'system:node:worker-1', groups: ['system:nodes'] } })],
  ],
  [
    'api-abuse.csr-by-people',
    [
      ev({ verb: 'create', resource: 'certificatesigningrequests', apiGroup: 'certificates.k8s.io', requestObject: { metadata: { name: 'mallory' } } }),
      ev({ verb: 'update', resource: 'certificatesigningrequests', name: 'mallory', subresource: 'approval', apiGroup: 'certificates.k8s.io' }),
    ],
    [ev({ verb: 'create', resource: 'certificatesigningrequests', apiGroup: 'certificates.k8s.io', user: { username: 'system:node:worker-1', groups: ['system:nodes'] } })],
  ],
  [
    'api-abuse.admission-webhooks-changed',
    [ev({ verb: 'delete', resource: 'validatingwebhookconfigurations', name: 'gatekeeper', apiGroup: 'admissionregistration.k8s.io' })],
    [ev({ verb: 'patch', resource: 'validatingwebhookconfigurations', name: 'cert-manager-webhook', apiGroup: 'admissionregistration.k8s.io', user: saUser('cert-manager', 'cert-manager-cainjector') })],
  ],
  [
    'api-abuse.events-deleted',
    [ev({ verb: 'deletecollection', resource: 'events', namespace: 'shop' })],
    [ev({ verb: 'delete', resource: 'events', namespace: 'shop', user: saUser('kube-system', 'namespace-controller') }), ev({ verb: 'list', resource: 'events', namespace: 'shop' })],
  ],
  [
    'api-abuse.kubelet-proxy',
    [ev({ verb: 'create', resource: 'nodes', name: 'worker-1', subresource: 'proxy', uri: '/api/v1/nodes/worker-1/proxy/run/shop/web-1/c' })],
    [ev({ verb: 'get', resource: 'nodes', name: 'worker-1', subresource: 'proxy', decision: 'forbid' })],
  ],
];

describe('api-abuse detections', () => {
  it('has a case for every detection', () => {
    // management-tools' kubectl detection has its own test (checks/management-tools/kubectl-known-cves.test.ts).
    expect(CASES.map((c) => c[0]).sort()).toEqual(AUDIT_DETECTIONS.map((d) => d.id).filter((id) => id.startsWith('api-abuse.')).sort());
  });

  it.each(CASES)('%s fires on abuse and stays quiet on the rest', (id, fails, passes) => {
    const found = run(id, fails);
    expect(found.length).toBeGreaterThan(0);
    expect(run(id, passes)).toEqual([]);
    expect(found[0]!.names?.length).toBeGreaterThan(0);
  });

  it('names the actor, what the client could set, the object, first and last seen and a count', () => {
    const [f] = run('api-abuse.secrets-read-burst', [
      ...secretsGets(5),
      ev({ verb: 'get', resource: 'secrets', namespace: 'shop', name: 's-9', at: '2026-12-02T10:59:00.000000Z', sourceIPs: ['10.0.0.9', '198.51.100.1'] }),
    ]);
    expect(f!.resource).toEqual({ kind: 'Namespace', namespace: null, name: 'shop' });
    expect(f!.message).toContain('alice@example.com');
    expect(f!.message).toMatch(/6 times between 2026-12-02T10:15:30.234567Z and 2026-12-02T10:59:00.234567Z/);
    expect(f!.message).toContain('6 distinct');
    expect(f!.message).toMatch(/groups dev, system:authenticated/);
    expect(f!.message).toMatch(/203\.0\.113\.7, 10\.0\.0\.9, 198\.51\.100\.1 \(all but the last address can be set by the client\)/);
    expect(f!.message).toMatch(/user agent kubectl\/v1\.31\.2 .* \(set by the client\)/);
    // Every name is marked, so a redacted share replaces it.
    const marked = f!.names!.map((n) => n.value);
    for (const v of ['alice@example.com', 'shop', '203.0.113.7', 's-0']) expect(marked).toContain(v);
  });

  it('counts a long-running request once, at ResponseStarted, not again at ResponseComplete', () => {
    const started = ev({ verb: 'create', resource: 'pods', namespace: 'shop', name: 'web-1', subresource: 'exec', stage: 'ResponseStarted', auditID: 'a-1' });
    const [f] = run('api-abuse.exec-by-people', [started, { ...started, stage: 'ResponseComplete' }]);
    expect(f!.message).toMatch(/once, at/);
  });

  it('is not assessed, never passed, when no audit events arrived', () => {
    for (const c of apiAbuseChecks) {
      if (c.id === 'api-abuse.coverage') continue;
      expect(c.evaluate(inventoryOf([]))).toEqual({ notAssessed: NO_AUDIT });
    }
  });

  it('keeps the window: a burst spread over two hours is two hours below the threshold', () => {
    const early = secretsGets(3);
    const late = Array.from({ length: 3 }, (_, i) => ev({ verb: 'get', resource: 'secrets', namespace: 'shop', name: `t-${i}`, at: '2026-12-02T11:05:00.000000Z' }));
    expect(run('api-abuse.secrets-read-burst', [...early, ...late])).toEqual([]);
  });
});

describe('api-abuse findings in a redacted share', () => {
  it('show no name taken from the audit events: actors, objects, addresses and user agents are all marked', async () => {
    const { computePosture } = await import('../../engine');
    const { redactDocument } = await import('../../../snapshots/redact');
    const zq = { username: 'zquser@zq.example', groups: ['zqgroup'] };
    const agg = new AuditAggregator(AUDIT_DETECTIONS);
    for (const e of [
      ev({ verb: 'create', resource: 'pods', namespace: 'zqns', name: 'zqpod', subresource: 'exec', user: zq, sourceIPs: ['192.0.2.99'], userAgent: 'zqagent/1.0' }),
      ...Array.from({ length: 6 }, (_, i) => ev({ verb: 'get', resource: 'secrets', namespace: 'zqns', name: `zqsecret-${i}`, user: zq, userAgent: 'curl/8 zqhost' })),
      ...refused(25, { username: 'system:serviceaccount:zqns:zqsa', groups: [] }),
      ev({ verb: 'get', uri: '/zqpath', user: { username: 'system:anonymous', groups: ['system:unauthenticated'] } }),
      ev({ verb: 'get', resource: 'pods', namespace: 'zqns', impersonatedUser: { username: 'system:node:zqnode', groups: ['system:nodes'] }, user: zq }),
    ])
      agg.add(e);
    const doc = computePosture({ ...inventoryOf([]), audit: agg.result(['test']) });
    const mine = doc.findings.filter((f) => f.area === 'api-abuse');
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(mine)).toContain('zq');
    const shared = redactDocument(doc).document.findings.filter((f) => f.area === 'api-abuse');
    expect(JSON.stringify(shared)).not.toMatch(/zq/);
    expect(shared.every((f) => !/not shown in a redacted share/.test(f.message))).toBe(true);
  });
});
