import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { splitRemediation } from '../../../components/Remediation';
import { redactDocument } from '../../snapshots/redact';
import { computePosture } from '../engine';
import { namesFit } from '../message';
import { binding, deployment, inventoryOf, namespace, pod, restrictedSpec } from '../test-inventory';
import type { Finding } from '../types';
import { podPatch, podSpecPath, remedy } from './patch';
import { msg } from '../message';

/** The YAML fenced after the remediation's sentence, as the Remediation component splits it. */
const yamlOf = (remediation: string) => {
  const parts = splitRemediation(remediation);
  expect(parts.map((p) => p.kind)).toEqual(['text', 'yaml']);
  return parse(parts[1]!.value) as Record<string, unknown>;
};
const at = (o: unknown, path: (string | number)[]) => path.reduce<unknown>((x, k) => (x as Record<string | number, unknown> | undefined)?.[k], o);

const socketPod = deployment('ci', 'runner', {
  containers: [
    // The cluster types leave volumeMounts out; the fix reads them as data.
    { name: 'agent', image: 'registry.example/agent:1', ...{ volumeMounts: [{ name: 'docker-sock', mountPath: '/var/run/docker.sock' }] } },
    { name: 'sidecar', image: 'registry.example/sidecar:1' },
  ],
  volumes: [{ name: 'docker-sock', hostPath: { path: '/var/run/docker.sock' } }],
});
const privilegedPod = pod('dev', 'debug', {
  ...restrictedSpec,
  containers: [{ ...restrictedSpec.containers![0]!, name: 'shell', securityContext: { ...restrictedSpec.containers![0]!.securityContext, privileged: true } }],
});

const posture = computePosture(inventoryOf([namespace('ci'), namespace('dev'), socketPod, privilegedPod]));
const finding = (checkId: string, name: string): Finding => {
  const f = posture.findings.find((x) => x.checkId === checkId && x.resource.name === name);
  if (!f) throw new Error(`no ${checkId} finding for ${name}`);
  return f;
};

describe('a finding names its own fix', () => {
  it.each(['host-security.pod-reaches-host', 'pod-security.pss.host-path-volumes'])(
    '%s: the runtime-socket pod’s fix names the socket path, the volume and the container, and the patch deletes both',
    (id) => {
      const f = finding(id, 'runner');
      expect(f.remediation).toContain('/var/run/docker.sock');
      expect(f.remediation).toContain('`docker-sock`');
      expect(f.remediation).toContain("the container runtime's socket");
      expect(f.remediation).toContain('container `agent`');
      expect(f.remediation).not.toContain('sidecar'); // only the container that mounts it
      const spec = at(yamlOf(f.remediation), ['spec', 'template', 'spec']);
      expect(at(spec, ['volumes'])).toEqual([{ name: 'docker-sock', $patch: 'delete' }]);
      expect(at(spec, ['containers'])).toEqual([{ name: 'agent', volumeMounts: [{ mountPath: '/var/run/docker.sock', $patch: 'delete' }] }]);
    },
  );

  it('a privileged container’s fix names the container and sets privileged: false on it', () => {
    const f = finding('pod-security.pss.privileged', 'debug');
    expect(f.remediation).toContain('container `shell`');
    expect(f.remediation).toContain('privileged: false');
    expect(yamlOf(f.remediation)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug', namespace: 'dev' },
      spec: { containers: [{ name: 'shell', securityContext: { privileged: false } }] },
    });
  });

  it('resource gaps are filled per container, the memory limit starting from the container’s own request', () => {
    const inv = inventoryOf([
      namespace('ci'),
      deployment('ci', 'api', { containers: [{ name: 'web', image: 'x:1', resources: { requests: { cpu: '50m', memory: '300Mi' } } }] }),
    ]);
    const f = computePosture(inv).findings.find((x) => x.checkId === 'resource-limits.container-no-limits')!;
    const web = at(yamlOf(f.remediation), ['spec', 'template', 'spec', 'containers', 0]);
    expect(web).toEqual({ name: 'web', resources: { limits: { cpu: '500m', memory: '300Mi' } } });
  });

  it('an RBAC finding names the binding and the subject to take off it, and the patch keeps the others', () => {
    const inv = inventoryOf([
      namespace('ci'),
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'secret-reader' },
        rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }],
      } as never,
      // Kubernetes' own scheduler is never flagged: it stays on the binding.
      binding(
        'RoleBinding',
        'readers',
        'secret-reader',
        [
          { kind: 'User', name: 'system:kube-scheduler' },
          { kind: 'Group', name: 'auditors' },
        ],
        'ci',
      ),
    ]);
    const found = computePosture(inv).findings.filter((x) => x.checkId === 'rbac.reads-secrets');
    expect(found.map((x) => x.resource.name)).toEqual(['readers']);
    const f = found[0]!;
    expect(f.remediation).toContain('Remove Group auditors from RoleBinding ci/readers');
    expect(f.remediation).toContain('ClusterRole secret-reader');
    expect(at(yamlOf(f.remediation), ['subjects'])).toEqual([{ kind: 'User', name: 'system:kube-scheduler', apiGroup: 'rbac.authorization.k8s.io' }]);
  });

  it('every name in a per-object fix is marked, so a redacted share shows none of them', () => {
    const withFix = posture.findings.filter((f) => f.remediationNames);
    expect(withFix.length).toBeGreaterThan(5);
    for (const f of withFix)
      if (!namesFit(f.remediation, f.remediationNames!)) console.log('BAD', f.checkId, f.remediation, JSON.stringify(f.remediationNames));
    for (const f of withFix) expect(namesFit(f.remediation, f.remediationNames!)).toBe(true);
    const { document } = redactDocument(posture);
    const text = JSON.stringify(document.findings.filter((_f, i) => posture.findings[i]!.remediationNames).map((f) => f.remediation));
    expect(text).toContain('container-1');
    for (const secret of ['runner', 'docker-sock', 'agent', 'shell', 'debug', '/var/run/docker.sock']) expect(text).not.toContain(secret);
    // Still a valid patch after the swap.
    const redacted = document.findings.find((f) => f.checkId === 'pod-security.pss.privileged')!;
    expect(at(yamlOf(redacted.remediation), ['spec', 'containers', 0, 'securityContext', 'privileged'])).toBe(false);
  });
});

describe('podPatch', () => {
  const kinds: [string, string[]][] = [
    ['Pod', ['spec']],
    ['Deployment', ['spec', 'template', 'spec']],
    ['StatefulSet', ['spec', 'template', 'spec']],
    ['DaemonSet', ['spec', 'template', 'spec']],
    ['ReplicaSet', ['spec', 'template', 'spec']],
    ['Job', ['spec', 'template', 'spec']],
    ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
  ];
  it.each(kinds)('%s: the YAML parses and sets the field at the pod spec of that kind', (kind, path) => {
    expect(podSpecPath(kind)).toEqual(path);
    const target = { kind, namespace: 'ns', name: 'w' };
    const fix = remedy(
      msg`Fix:`,
      podPatch(target, [
        { at: 'container', list: 'containers', container: 'app', field: ['securityContext', 'allowPrivilegeEscalation'], value: false },
        { at: 'pod', field: ['hostNetwork'], value: false },
      ]),
      [{ role: 'object', value: 'app', kind: 'Container' }],
    )!;
    const doc = yamlOf(fix.remediation);
    expect(doc.kind).toBe(kind);
    expect(at(doc, [...path, 'containers', 0])).toEqual({ name: 'app', securityContext: { allowPrivilegeEscalation: false } });
    expect(at(doc, [...path, 'hostNetwork'])).toBe(false);
  });

  it('quotes a name YAML would misread, and still marks it', () => {
    const fix = remedy(
      msg`Fix:`,
      podPatch({ kind: 'Pod', namespace: 'null', name: 'true' }, [
        { at: 'container', list: 'containers', container: '1e3', field: ['securityContext', 'privileged'], value: false },
      ]),
      [{ role: 'object', value: '1e3', kind: 'Container' }],
    )!;
    const doc = yamlOf(fix.remediation);
    expect(doc.metadata).toEqual({ name: 'true', namespace: 'null' });
    expect(at(doc, ['spec', 'containers', 0, 'name'])).toBe('1e3');
    expect(fix.remediationNames.map((n) => n.value).sort()).toEqual(['1e3', 'null', 'true']);
    expect(namesFit(fix.remediation, fix.remediationNames)).toBe(true);
  });

  it('gives no per-object fix when a name would show unmarked (e.g. inside an annotation key)', () => {
    const fix = remedy(
      msg`Fix:`,
      podPatch({ kind: 'Pod', namespace: 'ns', name: 'w' }, [{ at: 'pod-annotation', key: 'container.apparmor.security.beta.kubernetes.io/app', value: null }]),
      [{ role: 'object', value: 'app', kind: 'Container' }],
    );
    expect(fix).toBeUndefined();
  });
});
