// Reading a workload's containers the way the kubelet applies them.
import type { Container, Workload } from '../../cluster/types';
import { allContainers } from '../checks/helpers';

export { allContainers };

/** Capabilities a container adds, upper case, without CAP_. */
export function addedCaps(c: Container): string[] {
  const add = c.securityContext?.capabilities?.add;
  return (Array.isArray(add) ? add : []).map((x) => String(x).toUpperCase().replace(/^CAP_/, ''));
}

export function hasCap(c: Container, cap: string): boolean {
  const caps = addedCaps(c);
  return caps.includes(cap) || caps.includes('ALL');
}

export const isPrivileged = (c: Container) => c.securityContext?.privileged === true;

/** Whether the container may run as root (uid 0): nothing says otherwise. Files on the host are root's. */
export function mayRunAsRoot(w: Workload, c: Container): boolean {
  const uid = c.securityContext?.runAsUser ?? w.spec.securityContext?.runAsUser;
  if (typeof uid === 'number') return uid === 0;
  const nonRoot = c.securityContext?.runAsNonRoot ?? w.spec.securityContext?.runAsNonRoot;
  return nonRoot !== true;
}

export interface HostMount {
  container: Container;
  volume: string;
  hostPath: string;
  mountPath: string;
  readOnly: boolean;
}

/** Every hostPath volume mounted by a container, with the host path normalised. */
export function hostMounts(w: Workload): HostMount[] {
  const vols = new Map<string, string>();
  for (const v of Array.isArray(w.spec.volumes) ? w.spec.volumes : []) {
    const p = (v.hostPath as { path?: unknown } | undefined)?.path;
    if (typeof p === 'string') vols.set(v.name, p.replace(/\/+$/, '') || '/');
  }
  if (vols.size === 0) return [];
  const out: HostMount[] = [];
  for (const c of allContainers(w.spec)) {
    const mounts = (c as { volumeMounts?: { name?: unknown; mountPath?: unknown; readOnly?: unknown }[] }).volumeMounts;
    for (const m of Array.isArray(mounts) ? mounts : []) {
      const hp = typeof m?.name === 'string' ? vols.get(m.name) : undefined;
      if (hp === undefined) continue;
      out.push({ container: c, volume: m.name as string, hostPath: hp, mountPath: String(m.mountPath ?? ''), readOnly: m.readOnly === true });
    }
  }
  return out;
}

/** Whether host path `p` is `dir` or lies above it (mounting `/var` exposes `/var/lib/kubelet`). */
export const covers = (p: string, dir: string) => p === dir || p === '/' || dir.startsWith(`${p}/`);
