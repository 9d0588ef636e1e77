import { describe, expect, it } from 'vitest';
import type { PodSpec } from '../../../cluster/types';
import { isNotAssessed } from '../../check';
import { enforce, restrictedSpec, testInventory, testNamespace, testWorkload } from '../../pss/test-inventory';
import { run } from '../test-support';
import { pssChecks as podSecurityChecks } from './index';

type Mutation = (s: PodSpec) => void;
const app = (s: PodSpec) => s.containers![0]!;
const appSc = (s: PodSpec) => (app(s).securityContext ??= {});
const podSc = (s: PodSpec) => (s.securityContext ??= {});

/** For each check: how to make the restricted spec fail it (and only it, or the check it is reported under). */
const FAILING: Record<string, { mutate: Mutation; annotations?: Record<string, string>; severity: string }> = {
  'pod-security.pss.privileged': { mutate: (s) => void (appSc(s).privileged = true), severity: 'critical' },
  'pod-security.pss.host-namespaces': { mutate: (s) => void (s.hostPID = true), severity: 'critical' },
  'pod-security.pss.host-path-volumes': {
    mutate: (s) => void (s.volumes = [{ name: 'sock', hostPath: { path: '/var/run/docker.sock' } }]),
    severity: 'critical',
  },
  'pod-security.pss.windows-host-process': { mutate: (s) => void (podSc(s).windowsOptions = { hostProcess: true }), severity: 'critical' },
  'pod-security.pss.capabilities-baseline': { mutate: (s) => void (appSc(s).capabilities = { drop: ['ALL'], add: ['SYS_ADMIN'] }), severity: 'high' },
  'pod-security.pss.host-ports': { mutate: (s) => void (app(s).ports = [{ containerPort: 80, hostPort: 80 }]), severity: 'high' },
  'pod-security.pss.apparmor-profile': {
    mutate: () => {},
    annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' },
    severity: 'high',
  },
  'pod-security.pss.selinux-options': { mutate: (s) => void (podSc(s).seLinuxOptions = { type: 'spc_t' }), severity: 'high' },
  'pod-security.pss.proc-mount': { mutate: (s) => void (appSc(s).procMount = 'Unmasked'), severity: 'high' },
  'pod-security.pss.seccomp-baseline': { mutate: (s) => void (podSc(s).seccompProfile = { type: 'Unconfined' }), severity: 'high' },
  'pod-security.pss.sysctls': { mutate: (s) => void (podSc(s).sysctls = [{ name: 'kernel.msgmax', value: '65536' }]), severity: 'high' },
  'pod-security.pss.host-probes-and-lifecycle': {
    mutate: (s) => void (app(s).livenessProbe = { httpGet: { host: '169.254.169.254', port: 80 } }),
    severity: 'high',
  },
  'pod-security.pss.restricted-volumes': { mutate: (s) => void (s.volumes = [{ name: 'share', nfs: { server: 'nas', path: '/' } }]), severity: 'medium' },
  'pod-security.pss.run-as-non-root': { mutate: (s) => void (podSc(s).runAsNonRoot = false), severity: 'medium' },
  'pod-security.pss.run-as-user': { mutate: (s) => void (podSc(s).runAsUser = 0), severity: 'medium' },
  'pod-security.pss.allow-privilege-escalation': { mutate: (s) => void (appSc(s).allowPrivilegeEscalation = true), severity: 'medium' },
  'pod-security.pss.seccomp-restricted': { mutate: (s) => void delete podSc(s).seccompProfile, severity: 'medium' },
  'pod-security.pss.capabilities-restricted': { mutate: (s) => void (appSc(s).capabilities = { drop: [] }), severity: 'medium' },
  'pod-security.pss.proc-mount-restricted': {
    mutate: (s) => {
      s.hostUsers = false; // baseline allows Unmasked in a user namespace; restricted does not
      appSc(s).procMount = 'Unmasked';
    },
    severity: 'medium',
  },
};

function failingSpec(id: string): PodSpec {
  const s = restrictedSpec();
  FAILING[id]!.mutate(s);
  return s;
}

const byId = (id: string) => podSecurityChecks.find((c) => c.id === id)!;

describe('podSecurityChecks', () => {
  it('has one check per PSS control, in the pod-security area, each in the failing table', () => {
    expect(podSecurityChecks).toHaveLength(19);
    expect(new Set(podSecurityChecks.map((c) => c.id)).size).toBe(19);
    for (const c of podSecurityChecks) {
      expect(c.area).toBe('pod-security');
      expect(c.needs).toEqual(['namespaces']);
      expect(Object.keys(FAILING)).toContain(c.id);
    }
  });

  for (const check of podSecurityChecks) {
    it(`${check.id}: reports the failing workload, not the passing one`, () => {
      const inv = testInventory({
        namespaces: [testNamespace('shop', enforce('restricted'))],
        workloads: [
          testWorkload('shop', 'bad', failingSpec(check.id), { annotations: FAILING[check.id]!.annotations }),
          testWorkload('shop', 'good', restrictedSpec(), { kind: 'StatefulSet' }),
        ],
      });
      const findings = run(check, inv);
      // toMatchObject: the finding may also carry the places of its names (lib/posture/message.ts).
      expect(findings).toMatchObject([
        {
          resource: { kind: 'Deployment', namespace: 'shop', name: 'bad', apiVersion: 'apps/v1' },
          severity: FAILING[check.id]!.severity,
          message: expect.stringContaining('Namespace shop enforces restricted; this workload breaks it — it predates the label or is exempt.'),
        },
      ]);
      expect(check.remediation).toMatch(/\n/); // YAML advice, not just prose
      expect(check.examines?.(inv)).toHaveLength(2);
    });
  }

  it('a failing workload breaks only its own check and the restricted checks do not repeat a baseline breach', () => {
    for (const id of Object.keys(FAILING)) {
      const inv = testInventory({ workloads: [testWorkload('shop', 'bad', failingSpec(id), { annotations: FAILING[id]!.annotations })] });
      const hits = podSecurityChecks.filter((c) => run(c, inv).length > 0).map((c) => c.id);
      expect(hits, id).toEqual([id]);
    }
  });

  it('names the containers and fields, and says when the enforce level allows the breach', () => {
    const inv = testInventory({
      namespaces: [testNamespace('dev', enforce('baseline', 'v1.30')), testNamespace('open', enforce('privileged')), testNamespace('bare')],
      workloads: ['dev', 'open', 'bare', 'ghost'].map((ns) => testWorkload(ns, 'web', failingSpec('pod-security.pss.allow-privilege-escalation'))),
    });
    const msgs = run(byId('pod-security.pss.allow-privilege-escalation'), inv).map((f) => f.message);
    expect(msgs[0]).toBe(
      'Deployment dev/web breaks Pod Security Standards restricted control allowPrivilegeEscalation (allowPrivilegeEscalation != false) at policy v1.30: ' +
        'container "app" must set securityContext.allowPrivilegeEscalation=false. Namespace dev enforces baseline, which allows this; restricted would forbid it.',
    );
    expect(msgs[1]).toContain('Namespace open enforces privileged, which allows this');
    expect(msgs[2]).toContain('Namespace bare has no enforce label');
    expect(msgs[2]).toContain('policy v1.37 (latest)');
    expect(msgs[3]).toContain('Namespace ghost is not in the inventory');
  });

  it('evaluates at the version the namespace enforces, and resolves latest to the cluster minor', () => {
    const probes = byId('pod-security.pss.host-probes-and-lifecycle');
    const workloads = ['old', 'new'].map((ns) => testWorkload(ns, 'web', failingSpec(probes.id)));
    const namespaces = [testNamespace('old', enforce('baseline', 'v1.33')), testNamespace('new', enforce('baseline'))];
    expect(run(probes, testInventory({ namespaces, workloads })).map((f) => f.resource.namespace)).toEqual(['new']);
    expect(run(probes, testInventory({ namespaces, workloads, version: 'v1.33.2' }))).toEqual([]);
    const runAsUser = byId('pod-security.pss.run-as-user');
    expect(
      run(
        runAsUser,
        testInventory({ namespaces: [testNamespace('old', enforce('restricted', 'v1.22'))], workloads: [testWorkload('old', 'w', failingSpec(runAsUser.id))] }),
      ),
    ).toEqual([]);
  });

  it('reports an invalid enforce label as the restricted level PSA falls back to', () => {
    const inv = testInventory({
      namespaces: [testNamespace('shop', { 'pod-security.kubernetes.io/enforce': 'strict' })],
      workloads: [testWorkload('shop', 'web', failingSpec('pod-security.pss.run-as-non-root'))],
    });
    expect(run(byId('pod-security.pss.run-as-non-root'), inv)[0]?.message).toContain(
      'Namespace shop enforces restricted (pod-security.kubernetes.io/enforce="strict" is not',
    );
  });

  it('rates hostIPC alone high and hostNetwork critical', () => {
    const hostNs = byId('pod-security.pss.host-namespaces');
    const ipc = { ...restrictedSpec(), hostIPC: true };
    const net = { ...restrictedSpec(), hostIPC: true, hostNetwork: true };
    const findings = run(hostNs, testInventory({ workloads: [testWorkload('a', 'ipc', ipc), testWorkload('a', 'net', net)] }));
    expect(findings.map((f) => [f.resource.name, f.severity])).toEqual([
      ['ipc', 'high'],
      ['net', 'critical'],
    ]);
  });

  it('is not assessed only when neither pods nor any workload controller could be read', () => {
    const missing = { reason: 'forbidden', detail: 'pods is forbidden' } as const;
    const allMissing = Object.fromEntries(
      ['pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs'].map((k) => [k, missing]),
    );
    const priv = byId('pod-security.pss.privileged');
    const out = priv.evaluate(testInventory({ missing: allMissing }));
    expect(isNotAssessed(out) && out.notAssessed).toContain('pods is forbidden');
    expect(priv.evaluate(testInventory({ missing: { pods: missing } }))).toEqual([]);
  });

  it('copes with malformed workload specs', () => {
    const odd = testWorkload('shop', 'odd', { containers: 'x', volumes: [null], securityContext: 7 } as unknown as PodSpec);
    const inv = testInventory({ workloads: [odd, testWorkload('shop', 'empty', {} as PodSpec, { kind: 'CronJob' })] });
    for (const c of podSecurityChecks) expect(() => c.evaluate(inv)).not.toThrow();
  });
});
