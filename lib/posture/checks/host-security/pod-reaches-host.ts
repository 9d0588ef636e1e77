import { defineCheck } from '../../check';
import type { Workload } from '../../../cluster/types';
import type { Severity } from '../../types';
import { allContainers, everyWorkloadRef, workloadRef } from '../helpers';
import { worst } from './support/nodes';
import { hostAccessRemedy } from '../../remediation/workload-fixes';

/** Host directories that hand a container the node when mounted whole. */
const SENSITIVE_EXACT = ['/', '/etc', '/root', '/home', '/boot', '/dev', '/var', '/var/lib', '/var/run', '/run', '/usr', '/lib', '/bin', '/sbin'];
/** Paths that are sensitive themselves and below: runtime sockets, kubelet and runtime state, cluster credentials, kernel interfaces. */
const SENSITIVE_TREES = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio',
  '/run/crio',
  '/var/lib/kubelet',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/etc/kubernetes',
  '/proc',
  '/sys',
];
/** Capabilities that act on the node itself, not just the container. */
const NODE_CAPABILITIES = [
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'NET_ADMIN',
  'BPF',
  'PERFMON',
  'DAC_READ_SEARCH',
];

export function sensitiveHostPath(path: string): string | null {
  const p = path.replace(/\/+$/, '') || '/';
  if (SENSITIVE_EXACT.includes(p)) return p;
  return SENSITIVE_TREES.some((t) => p === t || p.startsWith(`${t}/`)) ? p : null;
}

/** What lets this workload's pods reach the node, each with how bad it is. */
export function hostAccess(w: Workload): { what: string; severity: Severity }[] {
  const out: { what: string; severity: Severity }[] = [];
  const spec = w.spec;
  for (const c of allContainers(spec)) {
    if (c.securityContext?.privileged === true) out.push({ what: `container ${c.name} is privileged`, severity: 'critical' });
    const caps = (Array.isArray(c.securityContext?.capabilities?.add) ? c.securityContext!.capabilities!.add! : [])
      .map((x) => String(x).toUpperCase().replace(/^CAP_/, ''))
      .filter((x) => NODE_CAPABILITIES.includes(x));
    if (caps.length > 0)
      out.push({
        what: `container ${c.name} adds ${caps.join(', ')}`,
        severity: caps.some((x) => ['ALL', 'SYS_ADMIN', 'SYS_MODULE'].includes(x)) ? 'high' : 'medium',
      });
  }
  for (const ns of ['hostPID', 'hostIPC', 'hostNetwork'] as const) {
    if (spec[ns] === true) out.push({ what: `${ns}: true`, severity: ns === 'hostNetwork' ? 'medium' : 'high' });
  }
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    const hp = (v as { hostPath?: { path?: unknown } }).hostPath;
    const path = typeof hp?.path === 'string' ? sensitiveHostPath(hp.path) : null;
    if (path) {
      const socket = /\/(docker|containerd|crio)(\.sock)?(\/|$)/.test(path) || path === '/var/run' || path === '/run';
      out.push({ what: `volume ${v.name} mounts host path ${path}`, severity: socket || path === '/' ? 'critical' : 'high' });
    }
  }
  return out;
}

export default defineCheck({
  id: 'host-security.pod-reaches-host',
  area: 'host-security',
  severity: 'high',
  severityRange: ['medium', 'critical'], // the worst way to the host: hostNetwork medium … privileged critical
  title: 'Workload can reach its node',
  remediation:
    'Drop privileged mode, host namespaces, node-level capabilities and sensitive hostPath mounts; if a node agent truly needs them, run it in a dedicated namespace with the privileged Pod Security level and nothing else.',
  needs: ['pods'],
  scope: 'namespace', // findings in a namespace depend only on its objects (lib/posture/incremental.ts)
  examines: everyWorkloadRef,
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      const access = hostAccess(w);
      if (access.length === 0) return [];
      return [
        {
          resource: workloadRef(w),
          ...hostAccessRemedy(w, sensitiveHostPath, (cap) => NODE_CAPABILITIES.includes(cap.toUpperCase().replace(/^CAP_/, ''))),
          severity: worst(access.map((a) => a.severity)),
          message: `${w.kind} ${w.namespace}/${w.name} can reach its node: ${access.map((a) => a.what).join('; ')}.`,
        },
      ];
    });
  },
});
