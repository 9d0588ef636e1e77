import { describe, expect, it } from 'vitest';
import { CONTROLS } from './controls/index';
import { controlsFor, effectiveMinor, evaluateControl, evaluatePod, LATEST_PSS_MINOR } from './evaluate';
import { allowedSysctls } from './controls/sysctls';
import type { PodInput } from './types';

const restrictedContainer = { name: 'app', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } };
const restrictedPod = (extra: Record<string, unknown> = {}): PodInput => ({
  spec: { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [restrictedContainer], ...extra },
});
const ids = (pod: PodInput, level: 'baseline' | 'restricted' = 'restricted', minor = LATEST_PSS_MINOR) => evaluatePod(level, minor, pod).map((v) => v.control);

describe('control registry', () => {
  it('has 19 controls with unique ids and slugs, and LATEST_PSS_MINOR is the newest version any defines', () => {
    expect(CONTROLS).toHaveLength(19);
    expect(new Set(CONTROLS.map((c) => c.id)).size).toBe(19);
    expect(new Set(CONTROLS.map((c) => c.slug)).size).toBe(19);
    expect(Math.max(...CONTROLS.flatMap((c) => c.versions))).toBe(LATEST_PSS_MINOR);
  });

  it('privileged runs nothing; restricted drops the baseline controls it overrides, only once the override applies', () => {
    expect(controlsFor('privileged', 30)).toEqual([]);
    const at = (level: 'baseline' | 'restricted', minor: number) => controlsFor(level, minor).map((c) => c.id);
    expect(at('baseline', 37)).not.toContain('runAsNonRoot');
    expect(at('restricted', 37)).not.toContain('hostPathVolumes');
    expect(at('restricted', 18)).toContain('seccompProfile_baseline');
    expect(at('restricted', 19)).not.toContain('seccompProfile_baseline');
    expect(at('restricted', 21)).toContain('capabilities_baseline');
    expect(at('restricted', 22)).not.toContain('capabilities_baseline');
    expect(at('restricted', 34)).toContain('procMount');
    expect(at('restricted', 35)).toEqual(expect.arrayContaining(['procMount_restricted']));
    expect(at('restricted', 35)).not.toContain('procMount');
    expect(at('baseline', 33)).not.toContain('hostProbesAndHostLifecycle');
    expect(at('restricted', 7)).not.toContain('allowPrivilegeEscalation');
  });

  it('evaluates a minor newer than the newest policy as the newest, and odd minors safely', () => {
    expect(effectiveMinor(99)).toBe(LATEST_PSS_MINOR);
    expect(effectiveMinor(Number.NaN)).toBe(LATEST_PSS_MINOR);
    expect(effectiveMinor(-3)).toBe(0);
    const pod = restrictedPod({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' }, sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat' }] },
    });
    expect(ids(pod, 'baseline', 99)).toEqual([]);
    expect(ids(pod, 'baseline', 36)).toEqual(['sysctls']);
  });

  it('adds sysctls at 1.27, 1.29, 1.32 and 1.37', () => {
    expect(allowedSysctls(26).has('net.ipv4.ip_local_reserved_ports')).toBe(false);
    expect(allowedSysctls(27).has('net.ipv4.ip_local_reserved_ports')).toBe(true);
    expect(allowedSysctls(31).has('net.ipv4.tcp_rmem')).toBe(false);
    expect(allowedSysctls(32).has('net.ipv4.tcp_rmem')).toBe(true);
    expect(allowedSysctls(36).has('net.ipv4.tcp_slow_start_after_idle')).toBe(false);
    expect(allowedSysctls(37).size).toBe(14);
  });
});

describe('evaluatePod edge cases', () => {
  it('visits ephemeral containers too', () => {
    const pod = restrictedPod({ ephemeralContainers: [{ name: 'debug', securityContext: { privileged: true } }] });
    const v = evaluatePod('baseline', 37, pod);
    expect(v).toEqual([
      expect.objectContaining({
        control: 'privileged',
        detail: expect.stringContaining('"debug"'),
        paths: ['spec.ephemeralContainers[0].securityContext.privileged'],
      }),
    ]);
    expect(ids(pod)).toEqual(expect.arrayContaining(['privileged', 'allowPrivilegeEscalation', 'capabilities_restricted']));
  });

  it('treats a template with missing fields as an empty pod', () => {
    expect(evaluatePod('restricted', 37, {})).toEqual([]);
    expect(evaluatePod('restricted', 37, { spec: { containers: [{ name: 'c' }] } }).map((v) => v.control)).toEqual([
      'runAsNonRoot',
      'allowPrivilegeEscalation',
      'seccompProfile_restricted',
      'capabilities_restricted',
    ]);
  });

  it('never throws on wrong types', () => {
    const odd: PodInput[] = [
      { spec: null, annotations: 'x' },
      { spec: 'nope' },
      { spec: [] },
      { spec: { containers: 'c', initContainers: [null, 3, 'x'], ephemeralContainers: {}, volumes: 'v', securityContext: 5 } },
      { spec: { containers: [{ securityContext: 'x', ports: 'p', capabilities: 1 }], volumes: [null, 'v', { name: 1 }] } },
      { spec: { containers: [{ name: 'c', securityContext: { capabilities: { add: 'SYS_ADMIN', drop: 'ALL' }, seccompProfile: 'x', seLinuxOptions: [] } }] } },
      {
        spec: {
          securityContext: { sysctls: 'kernel.x', seLinuxOptions: 'x', windowsOptions: 1 },
          containers: [{ name: 'c', livenessProbe: 'x', lifecycle: [] }],
        },
      },
      { annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 5 }, spec: { os: 'windows', hostUsers: 'false' } },
    ];
    for (const pod of odd) for (const minor of [0, 18, 19, 25, 35, 37]) expect(() => evaluatePod('restricted', minor, pod)).not.toThrow();
  });

  it('reads wrong-typed values fail-closed where a value is required, and ignores them where a value is forbidden', () => {
    const pod = {
      spec: {
        containers: [
          { name: 'c', securityContext: { privileged: 'true', allowPrivilegeEscalation: 'false', capabilities: { add: 'SYS_ADMIN', drop: 'ALL' } } },
        ],
      },
    };
    expect(ids(pod, 'baseline')).toEqual([]);
    expect(ids(pod)).toEqual(expect.arrayContaining(['allowPrivilegeEscalation', 'capabilities_restricted']));
    expect(ids({ spec: { securityContext: { sysctls: [{ name: 7 }] } } }, 'baseline')).toEqual(['sysctls']);
    expect(ids({ spec: { containers: [{ name: 'c', ports: [{ hostPort: '80' }, { hostPort: 0 }] }] } }, 'baseline')).toEqual(['hostPorts']);
  });

  it('names containers without a name by their path', () => {
    const v = evaluateControl(
      CONTROLS.find((c) => c.id === 'privileged')!,
      37,
      { spec: { containers: [{ securityContext: { privileged: true } }] } },
    );
    expect(v?.detail).toContain('"spec.containers[0]"');
  });

  it('exempts Windows pods from the Linux-only restricted controls from 1.25 only', () => {
    const win = { spec: { os: { name: 'windows' }, securityContext: { runAsNonRoot: true }, containers: [{ name: 'c' }] } };
    expect(ids(win, 'restricted', 25)).toEqual([]);
    expect(ids(win, 'restricted', 24)).toEqual(['allowPrivilegeEscalation', 'seccompProfile_restricted', 'capabilities_restricted']);
  });

  it('relaxes runAsNonRoot, runAsUser and baseline procMount for hostUsers: false from 1.35, but not procMount_restricted', () => {
    const userns = {
      spec: {
        hostUsers: false,
        securityContext: { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{ ...restrictedContainer, securityContext: { ...restrictedContainer.securityContext, procMount: 'Unmasked' } }],
      },
    };
    expect(ids(userns, 'restricted', 35)).toEqual(['procMount_restricted']);
    expect(ids(userns, 'baseline', 35)).toEqual([]);
    expect(ids(userns, 'baseline', 34)).toEqual(['procMount']);
    expect(ids(userns, 'restricted', 34)).toEqual(['procMount', 'runAsNonRoot', 'runAsUser']);
  });

  it('reads seccomp annotations before 1.19 and fields from 1.19', () => {
    const pod = {
      annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' },
      spec: { securityContext: { seccompProfile: { type: 'Unconfined' } } },
    };
    expect(evaluatePod('baseline', 18, pod)).toEqual([
      expect.objectContaining({ control: 'seccompProfile_baseline', detail: expect.stringContaining('annotation') }),
    ]);
    expect(evaluatePod('baseline', 19, pod)).toEqual([
      expect.objectContaining({ control: 'seccompProfile_baseline', detail: expect.stringContaining('"Unconfined"') }),
    ]);
  });

  it('checks AppArmor annotations and the appArmorProfile field', () => {
    expect(ids({ annotations: { 'container.apparmor.security.beta.kubernetes.io/c': 'localhost/x' } }, 'baseline')).toEqual([]);
    expect(ids({ spec: { securityContext: { appArmorProfile: { type: 'Unconfined' } } } }, 'baseline')).toEqual(['appArmorProfile']);
    expect(ids({ spec: { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } } } }, 'baseline')).toEqual([]);
  });

  it('allows container_engine_t from 1.31 and forbids any SELinux user or role', () => {
    const pod = { spec: { securityContext: { seLinuxOptions: { type: 'container_engine_t', level: 's0:c1' } } } };
    expect(ids(pod, 'baseline', 30)).toEqual(['seLinuxOptions']);
    expect(ids(pod, 'baseline', 31)).toEqual([]);
    expect(ids({ spec: { containers: [{ name: 'c', securityContext: { seLinuxOptions: { role: 'r' } } }] } }, 'baseline')).toEqual(['seLinuxOptions']);
  });

  it('reports restricted volume types with their names and treats a source-less volume as emptyDir', () => {
    const v = evaluatePod(
      'restricted',
      37,
      restrictedPod({ volumes: [{ name: 'plain' }, { name: 'img', image: { reference: 'x' } }, { name: 'data', nfs: { path: '/' } }] }),
    );
    expect(v).toEqual([expect.objectContaining({ control: 'restrictedVolumes', detail: 'volume "data" (nfs) has a restricted type' })]);
  });
});
