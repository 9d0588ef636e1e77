// deploy/: every overlay renders with `kubectl kustomize`, and the dashboard's own scan finds
// nothing of medium severity or above in what it deploys. The ClusterRole grants exactly what
// the scan lists, and the pod runs as the image's user with DATA_DIR where the image puts it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInventory } from '../lib/cluster/build-inventory';
import { pluralOf, RESOURCES } from '../lib/cluster/inventory';
import { parseObjects } from '../lib/cluster/manifests';
import type { K8sObject } from '../lib/cluster/types';
import { computePosture } from '../lib/posture/engine';
import { severityRank } from '../lib/posture/scoring';
import { readFinalStage } from './dockerfile-stage';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const HAVE_KUBECTL = existsSync(KUBECTL);
if (!HAVE_KUBECTL) console.log(`[deploy] overlay tests skipped: no kubectl at ${KUBECTL} (set KUBECTL to its path)`);

const OVERLAYS = readdirSync('deploy/overlays');
const render = (overlay: string) => parseObjects(execFileSync(KUBECTL, ['kustomize', path.join('deploy/overlays', overlay)], { encoding: 'utf8' }), overlay);
const find = (objs: K8sObject[], kind: string, name?: string) => {
  const o = objs.find((x) => x.kind === kind && (name === undefined || x.metadata.name === name));
  if (!o) throw new Error(`no ${kind}${name ? ` ${name}` : ''} in the rendered overlay`);
  return o;
};

// Checks that must have run on what we ship, or "zero findings" would prove nothing.
const MUST_ASSESS = [
  'pod-security.pss.allow-privilege-escalation',
  'pod-security.pss.run-as-non-root',
  'pod-security.pss.capabilities-restricted',
  'pod-security.pss.seccomp-restricted',
  'pod-security.namespace-no-enforce-level',
  'pod-security.namespace-no-default-deny',
  'pod-security.network-policy-allows-all',
  'pod-security.workload-not-selected-by-network-policy',
  'rbac.reads-secrets',
  'rbac.wildcard-permissions',
  'authn-authz.token-automount-not-needed',
  'authn-authz.workload-default-service-account',
  'encryption.ingress-without-tls',
  'resource-limits.container-no-limits',
  'resource-limits.namespace-no-resource-quota',
  'registry-security.mutable-image-tag',
  'registry-security.image-without-digest',
];

describe.skipIf(!HAVE_KUBECTL).each(OVERLAYS)('deploy/overlays/%s', (overlay) => {
  const objects = render(overlay);
  const inv = buildInventory(objects, { cluster: { name: overlay, version: null, source: 'manifests' }, offline: true });
  const doc = computePosture(inv);

  it('renders the whole deployment', () => {
    const kinds = new Set(objects.map((o) => o.kind));
    for (const k of [
      'Namespace',
      'ServiceAccount',
      'ClusterRole',
      'ClusterRoleBinding',
      'Deployment',
      'Service',
      'Ingress',
      'NetworkPolicy',
      'PodDisruptionBudget',
    ])
      expect(kinds, k).toContain(k);
    expect(inv.workloads.map((w) => `${w.kind} ${w.namespace}/${w.name}`)).toEqual(['Deployment kube-posture/kube-posture']);
  });

  it('has no finding of medium severity or above on anything it deploys', () => {
    const serious = doc.findings.filter((f) => severityRank(f.severity) <= severityRank('medium'));
    // Cluster-wide coverage (no image scanner, no admission policy, ...) is about add-ons the
    // cluster runs, not these manifests; every other serious finding counts.
    const ours = serious.filter((f) => !(f.resource.kind === 'Cluster' && f.checkId.endsWith('.coverage')));
    const listing = ours.map((f) => `${f.severity} ${f.checkId} ${f.resource.kind} ${f.resource.namespace ?? ''}/${f.resource.name}: ${f.message}`).join('\n');
    expect(ours, `findings of medium or above:\n${listing}`).toEqual([]);
    const assessed = new Set(doc.checks.filter((c) => c.assessed).map((c) => c.id));
    expect(
      MUST_ASSESS.filter((id) => !assessed.has(id)),
      'checks that did not run',
    ).toEqual([]);
  });

  it('runs the pod as the image user, read-only, with DATA_DIR on the volume the image declares', () => {
    const stage = readFinalStage();
    const pod = find(objects, 'Deployment').spec.template.spec;
    const c = pod.containers[0];
    expect(pod.securityContext.runAsUser).toBe(stage.user?.uid);
    expect(c.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const env = Object.fromEntries(
      c.env.filter((e: { value?: string }) => e.value !== undefined).map((e: { name: string; value: string }) => [e.name, e.value]),
    );
    expect(env).toMatchObject({ HOSTNAME: '0.0.0.0', DATA_DIR: stage.env.DATA_DIR, PORT: stage.env.PORT });
    // Listening on every address, so never unauthenticated (lib/server/auth/startup.ts refuses that).
    expect(env.AUTH_MODE).toMatch(/^(token|proxy)$/);
    expect(stage.env.AUTH_MODE).toMatch(/^(token|proxy)$/);
    const mounts = c.volumeMounts.map((m: { mountPath: string }) => m.mountPath);
    expect(mounts).toEqual(expect.arrayContaining([stage.env.DATA_DIR, '/tmp']));
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    expect(c.image).toMatch(/@sha256:[0-9a-f]{64}$/);
    // The token is mounted on this pod only; the ServiceAccount mounts nothing by default.
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(find(objects, 'ServiceAccount', 'kube-posture').automountServiceAccountToken).toBe(false);
  });

  it('grants list and watch on exactly the kinds the scan reads, no Secrets, and only the reviews sign-in needs', () => {
    const all = find(objects, 'ClusterRole').rules as { apiGroups: string[]; resources: string[]; verbs: string[] }[];
    const reviews = all.filter((r) => r.verbs.includes('create'));
    expect(reviews.map((r) => ({ ...r, verbs: [...r.verbs].sort() }))).toEqual([
      { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
      { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
    ]);
    const rules = all.filter((r) => !reviews.includes(r));
    const granted = rules.flatMap((r) => r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`))).sort();
    const wanted = RESOURCES.filter((r) => !('metadataOnly' in r && r.metadataOnly))
      .map((r) => `${r.group}/${pluralOf(r)}`)
      .sort();
    expect(granted).toEqual(wanted);
    for (const r of rules) expect([...r.verbs].sort(), r.resources.join(',')).toEqual(['list', 'watch']);
    expect(granted).not.toContain('/secrets');
  });
});

describe.skipIf(!HAVE_KUBECTL)('deploy/agent', () => {
  const objects = HAVE_KUBECTL ? parseObjects(execFileSync(KUBECTL, ['kustomize', 'deploy/agent'], { encoding: 'utf8' }), 'agent') : [];
  const base = HAVE_KUBECTL ? render('plain') : [];

  it('runs scan --push on a schedule, with the token from a mounted Secret, and nothing of the dashboard', () => {
    expect(objects.map((o) => o.kind).sort()).toEqual(['ClusterRole', 'ClusterRoleBinding', 'CronJob', 'LimitRange', 'Namespace', 'NetworkPolicy', 'NetworkPolicy', 'ResourceQuota', 'ServiceAccount']);
    const job = find(objects, 'CronJob');
    const pod = job.spec.jobTemplate.spec.template.spec;
    const c = pod.containers[0];
    expect(c.args).toEqual(expect.arrayContaining(['scan', '--push', '--push-token-file']));
    expect(JSON.stringify(c.env)).not.toMatch(/kpi_|INGEST_TOKEN/);
    expect(pod.volumes.find((v: { secret?: { secretName: string } }) => v.secret)?.secret.secretName).toBe('kube-posture-ingest');
    expect(job.spec.concurrencyPolicy).toBe('Forbid');
    expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  });

  it('reuses the dashboard’s ClusterRole without the review rules, and the scan finds nothing of medium or above', () => {
    const rules = (o: K8sObject[]) => find(o, 'ClusterRole').rules as { verbs: string[] }[];
    expect(rules(objects)).toEqual(rules(base).filter((r) => !r.verbs.includes('create')));
    const doc = computePosture(buildInventory(objects, { cluster: { name: 'agent', version: null, source: 'manifests' }, offline: true }));
    const serious = doc.findings.filter((f) => severityRank(f.severity) <= severityRank('medium') && !(f.resource.kind === 'Cluster' && f.checkId.endsWith('.coverage')));
    expect(serious.map((f) => `${f.checkId} ${f.resource.kind}/${f.resource.name}: ${f.message}`)).toEqual([]);
  });
});

describe('deploy/optional/secret-metadata-reader.yaml', () => {
  it('grants list and watch on Secrets and nothing else, to the dashboard only', () => {
    const objs = parseObjects(readFileSync('deploy/optional/secret-metadata-reader.yaml', 'utf8'), 'secret-metadata-reader.yaml');
    const role = find(objs, 'ClusterRole');
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['list', 'watch'] }]);
    const binding = find(objs, 'ClusterRoleBinding') as K8sObject & { roleRef: { name: string }; subjects: unknown[] };
    expect(binding.roleRef.name).toBe(role.metadata.name);
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'kube-posture', namespace: 'kube-posture' }]);
  });
});
